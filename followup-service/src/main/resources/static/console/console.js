// The console's live updates: the server's event stream names each case that changed (opened,
// reminded, acted on); the page asks htmx to reload the parts that show cases.
(function () {
  'use strict';
  var source = new EventSource('/console/events');
  var pending = null;
  var lastRefresh = 0;
  source.addEventListener('case', function (event) {
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
  });
  // The browser gives a stream up (CLOSED) when its reconnection is refused: the session has
  // ended (signed out idle, or on another instance). The page goes to the sign-in, so a case
  // page nobody touches does not keep the customer's contact on screen.
  source.addEventListener('error', function () {
    if (source.readyState === EventSource.CLOSED) {
      window.location.assign('/console/login');
    }
  });
  window.addEventListener('pagehide', function () {
    source.close();
  });
})();
