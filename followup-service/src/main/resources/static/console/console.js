// The console's live updates: the server's event stream names each case that changed (opened,
// reminded, acted on); the page asks htmx to reload the parts that show cases.
(function () {
  'use strict';
  var pending = null;
  var lastRefresh = 0;
  var source = null;
  var openedBefore = false;

  function changed(event) {
    var shown = document.querySelector('[data-case-id="' + CSS.escape(event.data) + '"]');
    var page = document.getElementById('main');
    if (page && page.dataset.caseId === event.data) {
      htmx.trigger(document.body, 'this-case-changed');
    }
    // a burst of changes reloads the lists once, soon after its first change, and a steady
    // stream of them (an outage) at most once a second: a wait restarted by every change
    // would never end while changes come faster than it
    if (pending === null) {
      pending = setTimeout(function () {
        pending = null;
        lastRefresh = Date.now();
        htmx.trigger(document.body, 'cases-changed');
      }, Math.max(shown ? 100 : 200, lastRefresh + 1000 - Date.now()));
    }
  }

  // The browser gives a stream up (CLOSED) when its reconnection is refused. If the session
  // has ended (signed out idle, or on an instance that does not know it), the page goes to
  // the sign-in, so a case page nobody touches does not keep the customer's contact on
  // screen; otherwise (a proxy's 502 during a deployment) it listens again a little later,
  // and what is being typed stays.
  function refused() {
    fetch('/console/session', { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (answer) {
        if (answer.status === 401) {
          window.location.assign('/console/login');
        } else {
          setTimeout(listen, 5000);
        }
      }, function () {
        setTimeout(listen, 5000);
      });
  }

  // Changes made while the stream was down (a restart, a refused reconnection, a stream the
  // server ended because the page stopped reading) were not heard: a stream that opens again
  // reloads what the page shows of cases. A stream starts where the page was drawn (since=): the
  // server names what changed in between, or says it cannot (stale). The browser's own
  // reconnections send back the first message's id (Last-Event-ID), and nothing is replayed
  // to them: the page reloads instead.
  function reloadAll() {
    lastRefresh = Date.now();
    htmx.trigger(document.body, 'cases-changed');
    var page = document.getElementById('main');
    if (page && page.dataset.caseId) {
      htmx.trigger(document.body, 'this-case-changed');
    }
  }

  function reconnected() {
    if (openedBefore) {
      reloadAll();
    }
    openedBefore = true;
  }

  function listen() {
    var since = document.body.dataset.liveSince;
    source = new EventSource('/console/events' + (since && !openedBefore ? '?since=' + encodeURIComponent(since) : ''));
    source.addEventListener('open', reconnected);
    source.addEventListener('case', changed);
    source.addEventListener('stale', reloadAll);
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) {
        refused();
      }
    });
  }

  listen();
  window.addEventListener('pagehide', function () {
    source.close();
  });
})();
