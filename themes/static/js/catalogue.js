/* Service catalogue: after HTMX has swapped the results in place, put the new count into the
 * live region so screen readers announce it. The focus stays on the control the visitor used.
 */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function () {
    var status = document.getElementById("service-count");
    var count = document.querySelector("#service-results [data-result-count]");
    if (status && count && status.textContent !== count.textContent) {
      status.textContent = count.textContent;
    }
  });
})();
