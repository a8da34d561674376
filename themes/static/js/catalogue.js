/* Service catalogue: after HTMX swaps the results in place, announce the count and keep focus
 * where the visitor was (the form control they changed stays focused; the live region speaks).
 */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (event) {
    var results = document.getElementById("service-results");
    if (!results || event.detail.target !== results) {
      return;
    }
    var status = document.getElementById("service-count");
    var count = results.querySelector("[data-result-count]");
    if (status && count) {
      status.textContent = count.textContent;
    }
  });
})();
