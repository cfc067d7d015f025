// The moderators' queue refreshes itself: a small summary is asked every second, and only when it
// changed is the list fetched again (rendered and escaped by the server) and swapped in. Waiting times
// are refreshed every half minute even when nothing else changed.
(function () {
  var queue = document.getElementById('queue');
  if (!queue || !window.fetch || !window.DOMParser) {
    return;
  }
  var stamp = null;
  var lastRefresh = Date.now();

  function refresh() {
    return fetch(queue.dataset.itemsUrl, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('queue-items');
        var current = document.getElementById('queue-items');
        if (fresh && current) {
          current.replaceWith(document.importNode(fresh, true));
          lastRefresh = Date.now();
        }
      });
  }

  function poll() {
    fetch(queue.dataset.summaryUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (summary) {
        if (!summary) {
          return null;
        }
        var changed = stamp === null || String(summary.stamp) !== stamp;
        stamp = String(summary.stamp);
        if (changed || Date.now() - lastRefresh > 30000) {
          return refresh();
        }
        return null;
      })
      .catch(function () { /* offline for a moment: try again on the next tick */ })
      .then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
