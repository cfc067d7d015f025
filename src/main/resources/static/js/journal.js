// The journal's check-in form: tells the server the browser's time zone, so "today" is the
// member's today. Progressive enhancement: without it the stored (or UTC) zone is used.
(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) {
    return;
  }
  document.querySelectorAll('input.js-time-zone').forEach(function (input) { input.value = zone; });
  // A form drawn for another zone may offer the wrong days: draw it again once, for this zone.
  var form = document.querySelector('form[data-zone]');
  var params = new URLSearchParams(window.location.search);
  if (form && form.dataset.zone !== zone && !params.has('tz') && form.dataset.redraw !== 'false') {
    params.set('tz', zone);
    window.location.replace(window.location.pathname + '?' + params.toString());
  }
})();
