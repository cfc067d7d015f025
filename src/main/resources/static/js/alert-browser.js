// "Alert this browser" on the moderators' queue page: on the moderator's click (never before), asks the
// browser's permission for notifications, registers Village's alert worker, subscribes to the browser's
// push service with Village's public key and stores the subscription; "Stop alerting this browser" undoes it.
(function () {
  var box = document.getElementById('alert-browser');
  if (!box) {
    return;
  }
  var status = document.getElementById('alert-browser-status');
  var on = document.getElementById('alert-browser-on');
  var off = document.getElementById('alert-browser-off');
  var scope = new URL('./', new URL(box.dataset.worker, location.href)).pathname;

  function say(text) {
    status.textContent = text;
  }

  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    say('This browser cannot receive alerts from Village (it has no Web Push). Email or the webhook still reach you.');
    return;
  }

  function key() {
    var text = box.dataset.key.replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(text + '='.repeat((4 - text.length % 4) % 4));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  function sameKey(subscription) {
    var used = subscription.options && subscription.options.applicationServerKey;
    if (!used) {
      return true;
    }
    var mine = key();
    var theirs = new Uint8Array(used);
    return theirs.length === mine.length && theirs.every(function (b, i) { return b === mine[i]; });
  }

  function xsrf() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function store(method, body) {
    return fetch(box.dataset.api, {
      method: method, credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': xsrf()},
      body: JSON.stringify(body)
    }).then(function (r) {
      if (!r.ok && !(method === 'DELETE' && r.status === 404)) {
        return r.json().catch(function () { return {}; }).then(function (problem) {
          throw new Error(problem.detail || 'Village answered ' + r.status);
        });
      }
      return r;
    });
  }

  function active(registration) {
    if (registration.active) {
      return Promise.resolve(registration);
    }
    return new Promise(function (resolve) {
      var worker = registration.installing || registration.waiting;
      worker.addEventListener('statechange', function () {
        if (worker.state === 'activated') {
          resolve(registration);
        }
      });
    });
  }

  function show(subscribed) {
    on.hidden = subscribed;
    off.hidden = !subscribed;
  }

  function current() {
    return navigator.serviceWorker.getRegistration(scope).then(function (registration) {
      return registration ? registration.pushManager.getSubscription() : null;
    });
  }

  on.addEventListener('click', function () {
    on.disabled = true;
    say('Asking this browser\u2019s permission\u2026');
    Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') {
        throw new Error(permission === 'denied'
          ? 'Notifications are blocked for Village in this browser\u2019s settings; allow them there, then try again.'
          : 'Alerts need your permission for notifications.');
      }
      say('Registering with this browser\u2019s push service\u2026');
      return navigator.serviceWorker.register(box.dataset.worker, {scope: scope});
    }).then(active).then(function (registration) {
      return registration.pushManager.getSubscription().then(function (old) {
        return old && !sameKey(old) ? old.unsubscribe() : null;
      }).then(function () {
        return registration.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: key()});
      });
    }).then(function (subscription) {
      return store('PUT', subscription.toJSON());
    }).then(function () {
      show(true);
      say('This browser is alerted while you are on call. Reload the page to see it in your list.');
    }).catch(function (e) {
      show(false);
      say('This browser could not be set up for alerts: ' + (e && e.message ? e.message : e));
    }).then(function () {
      on.disabled = false;
    });
  });

  off.addEventListener('click', function () {
    off.disabled = true;
    current().then(function (subscription) {
      if (!subscription) {
        return null;
      }
      var endpoint = subscription.endpoint;
      return subscription.unsubscribe().then(function () { return store('DELETE', {endpoint: endpoint}); });
    }).then(function () {
      show(false);
      say('This browser is no longer alerted.');
    }).catch(function (e) {
      say('Could not stop the alerts here: ' + (e && e.message ? e.message : e));
    }).then(function () {
      off.disabled = false;
    });
  });

  current().then(function (subscription) {
    var subscribed = !!subscription && sameKey(subscription) && Notification.permission === 'granted';
    show(subscribed);
    if (subscribed) {
      say('This browser is alerted while you are on call.');
    }
  }).catch(function () {
    show(false);
  });
})();
