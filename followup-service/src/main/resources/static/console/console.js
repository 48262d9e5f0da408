// The console's live updates: the server's event stream names each case that changed (opened,
// reminded, acted on); the page asks htmx to reload the parts that show cases.
(function () {
  'use strict';
  var source = new EventSource('/console/events');
  var pending = null;
  source.addEventListener('case', function (event) {
    var shown = document.querySelector('[data-case-id="' + CSS.escape(event.data) + '"]');
    var page = document.getElementById('main');
    if (page && page.dataset.caseId === event.data) {
      htmx.trigger(document.body, 'this-case-changed');
    }
    // several changes in a burst reload the lists once
    clearTimeout(pending);
    pending = setTimeout(function () {
      htmx.trigger(document.body, 'cases-changed');
    }, shown ? 100 : 200);
  });
  window.addEventListener('pagehide', function () {
    source.close();
  });
})();
