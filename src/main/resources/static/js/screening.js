// Progressive enhancement of a questionnaire: on a narrow screen, one question at a time with
// "Back" and "Next"; on a wider screen (or without this file) every question on one page.
// The form and its submit button are the same either way, so nothing depends on this script.
(function () {
  var form = document.querySelector('form[data-paginate]');
  if (!form) { return; }
  var questions = Array.prototype.slice.call(form.querySelectorAll('fieldset.question'));
  var actions = form.querySelector('.actions');
  if (questions.length < 2 || !actions) { return; }
  var narrow = window.matchMedia('(max-width: 40rem)');
  var current = 0;

  var pager = document.createElement('div');
  pager.className = 'pager-controls';
  var progress = document.createElement('p');
  progress.className = 'meta progress';
  progress.setAttribute('aria-live', 'polite');
  var back = button('Back', 'secondary');
  var next = button('Next', '');
  pager.appendChild(back);
  pager.appendChild(next);
  form.insertBefore(progress, questions[0]);
  form.insertBefore(pager, actions);

  function button(text, cls) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (cls) { b.className = cls; }
    return b;
  }

  // "Question 2 of 9" counts the questionnaire's own items: an optional question after them (the PHQ-9's
  // "how difficult") is not one of its items, so it does not make a 9-item questionnaire read "of 10".
  var scored = questions.filter(function (q) { return q.dataset.scored !== 'false'; });

  function progressText(question) {
    var index = scored.indexOf(question);
    return index >= 0 ? 'Question ' + (index + 1) + ' of ' + scored.length : 'One more question, not part of the score';
  }

  function firstOpen() {
    for (var i = 0; i < questions.length; i++) {
      if (questions[i].querySelector('.field-error')) { return i; }
    }
    return 0;
  }

  function show(index, focus) {
    current = Math.max(0, Math.min(index, questions.length - 1));
    var paged = narrow.matches;
    questions.forEach(function (q, i) { q.hidden = paged && i !== current; });
    pager.hidden = !paged;
    progress.hidden = !paged;
    actions.hidden = paged && current < questions.length - 1;
    back.disabled = current === 0;
    next.hidden = current === questions.length - 1;
    progress.textContent = progressText(questions[current]);
    if (paged && focus) {
      var legend = questions[current].querySelector('legend');
      legend.setAttribute('tabindex', '-1');
      legend.focus();
    }
  }

  back.addEventListener('click', function () { show(current - 1, true); });
  next.addEventListener('click', function () { show(current + 1, true); });
  // A tap on an answer moves on after a moment, so a tired thumb needs one tap per question ("Back"
  // undoes it). Only a pointer does this: arrow keys also change a radio group's choice, and a
  // keyboard or screen-reader user must be free to look through the answers, then press "Next".
  var lastPointer = 0;
  var pointerQuestion = null;
  form.addEventListener('pointerdown', function (event) {
    pointerQuestion = event.target.closest('fieldset.question');
    lastPointer = Date.now();
  });
  form.addEventListener('change', function (event) {
    if (!narrow.matches || event.target.type !== 'radio') { return; }
    if (event.target.closest('fieldset.question') !== pointerQuestion || Date.now() - lastPointer > 1500) { return; }
    var index = questions.indexOf(event.target.closest('fieldset.question'));
    if (index === current && current < questions.length - 1) {
      setTimeout(function () { if (current === index) { show(current + 1, true); } }, 350);
    }
  });
  var onChange = function () { show(current, false); };
  if (narrow.addEventListener) { narrow.addEventListener('change', onChange); } else { narrow.addListener(onChange); }
  show(firstOpen(), false);
})();
