/* Service catalogue: after HTMX has swapped the results in place, put the new count into the
 * live region so screen readers announce it. The focus stays on the control the visitor used;
 * after a page link, whose link is gone with the old results, it moves to the new page's start.
 */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var status = document.getElementById("service-count");
    var count = document.querySelector("#service-results [data-result-count]");
    if (status && count && status.textContent !== count.textContent) {
      status.textContent = count.textContent;
    }
    var config = event.detail && event.detail.requestConfig;
    if (config && config.elt && config.elt.hasAttribute("data-page-link")) {
      var start = document.getElementById("service-page");
      if (start) {
        start.focus();
      }
    }
  });
})();
