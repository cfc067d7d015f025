// The writer's help after they post: the reading of a text arrives a moment after the page (it runs in
// the background, never holding up the submit). While it is pending, ask a few times and then show
// the crisis help or next steps already rendered, hidden, in #writer-support. Text only via textContent.
(function () {
  var panel = document.getElementById('writer-support');
  if (!panel || !window.fetch) {
    return;
  }
  var url = panel.dataset.statusUrl;
  var replyId = null;
  var match = /^#reply-([0-9a-f-]{36})$/.exec(window.location.hash);
  if (match) {
    var reply = document.getElementById('reply-' + match[1]);
    // Only the viewer's own reply has an edit link: that is the one they just sent.
    if (reply && reply.querySelector('a[href$="/edit"]')) {
      replyId = match[1];
    }
  }
  if (panel.dataset.pending !== 'true' && !replyId) {
    return;
  }
  if (replyId) {
    url += '?reply=' + encodeURIComponent(replyId);
  }
  var until = Date.now() + (parseInt(panel.dataset.pollMs, 10) || 12000);

  function show(id, on) {
    var el = document.getElementById(id);
    if (el) {
      el.hidden = !on;
    }
  }

  function apply(status) {
    show('held-note', status.held);
    show('crisis-wrap', status.crisis);
    show('queued-note', status.queued);
    if (status.queued && status.targetText) {
      document.getElementById('queued-target').textContent = status.targetText;
    }
    var list = document.getElementById('next-steps-list');
    if (status.steps && status.steps.length && list) {
      list.replaceChildren();
      status.steps.forEach(function (step) {
        var li = document.createElement('li');
        var strong = document.createElement('strong');
        strong.textContent = step.heading;
        li.appendChild(strong);
        li.appendChild(document.createTextNode(' ' + step.text));
        list.appendChild(li);
      });
    }
    show('next-steps', status.steps && status.steps.length > 0);
    if (status.crisis || status.held || (status.steps && status.steps.length)) {
      panel.hidden = false;
      panel.dataset.shown = 'true';
      var heading = panel.querySelector('div:not([hidden]) h2');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
  }

  function ask() {
    fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (status) {
        if (status && !status.pending) {
          apply(status);
        } else if (Date.now() < until) {
          setTimeout(ask, 400);
        }
      })
      .catch(function () {
        if (Date.now() < until) {
          setTimeout(ask, 1000);
        }
      });
  }
  setTimeout(ask, 150);
})();
