// The reading of a new or edited post runs in the background and lands a moment after its page, sometimes
// many seconds later on a busy server. The parts of the writer's page that wait for it are marked
// data-awaiting="true" and say what they wait for; this asks for the page again now and then and puts in each
// part as soon as the server has it, so the writer never has to reload. The new parts are the server's own
// escaped HTML, parsed inertly (DOMParser runs no script) and moved in as nodes.
(function () {
  if (!window.fetch || !window.DOMParser) {
    return;
  }
  var GIVE_UP_AFTER_MS = 180000;
  var LONGEST_WAIT_MS = 5000;
  var started = Date.now();
  var wait = 1000;

  function awaiting() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-awaiting="true"]'));
  }

  function copyChildren(from, to) {
    to.replaceChildren.apply(to, Array.prototype.map.call(from.childNodes, function (node) {
      return document.importNode(node, true);
    }));
  }

  function fillIn(fresh) {
    awaiting().forEach(function (part) {
      var ready = fresh.getElementById(part.id);
      if (ready && ready.getAttribute('data-awaiting') !== 'true') {
        copyChildren(ready, part);
        part.setAttribute('data-awaiting', 'false');
        part.setAttribute('aria-busy', 'false');
      }
    });
    // A reading that lands after js/writer-support.js stopped asking may still call for crisis help or next steps.
    var panel = document.getElementById('writer-support');
    var freshPanel = fresh.getElementById('writer-support');
    if (panel && panel.hidden && freshPanel && !freshPanel.hidden) {
      copyChildren(freshPanel, panel);
      panel.hidden = false;
    }
  }

  function giveUp() {
    awaiting().forEach(function (part) {
      part.setAttribute('aria-busy', 'false');
      part.querySelectorAll('.waiting').forEach(function (line) {
        line.textContent = 'This is taking longer than usual. Reload the page in a minute to see it.';
      });
    });
  }

  function askLater() {
    if (!awaiting().length) {
      return;
    }
    if (Date.now() - started > GIVE_UP_AFTER_MS) {
      giveUp();
      return;
    }
    setTimeout(ask, wait);
    wait = Math.min(Math.round(wait * 1.5), LONGEST_WAIT_MS);
  }

  function ask() {
    fetch(window.location.pathname + window.location.search,
      {headers: {'Accept': 'text/html'}, credentials: 'same-origin', cache: 'no-store'})
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html) {
          fillIn(new DOMParser().parseFromString(html, 'text/html'));
        }
        askLater();
      })
      .catch(askLater);
  }

  askLater();
})();
