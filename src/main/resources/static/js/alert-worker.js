// Village's alert worker (a service worker, registered from the moderators' queue page when a moderator
// asks to be alerted in this browser). It shows what Village pushed (an item is waiting, and where) and
// opens the item when the notice is clicked. It handles no page requests: it only wakes for pushes.
self.addEventListener('push', function (event) {
  var alert = {};
  try {
    alert = event.data ? event.data.json() : {};
  } catch (e) {
    alert = {};
  }
  // One notice per item and step: a message that arrives twice replaces its notice instead of adding one.
  event.waitUntil(self.registration.showNotification(alert.title || 'Village alert', {
    body: alert.body || 'An urgent item is waiting in the moderators\u2019 queue.',
    tag: alert.tag || 'village-alert',
    requireInteraction: true,
    data: {url: alert.url}
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var url = event.notification.data && event.notification.data.url;
  // Only Village's own pages: a link elsewhere would mean the message was not Village's.
  var target = url && new URL(url, self.location.origin).origin === self.location.origin ? url : '/moderation';
  event.waitUntil(self.clients.openWindow(target));
});
