/* Survey questions shown only for a given answer to an earlier one.
 * Without JavaScript every question is shown with a note saying whom it is for; the server
 * ignores answers to questions whose condition is not met. */
(function () {
  "use strict";
  function answered(form, name, value) {
    var wrap = document.getElementById(name + "-question");
    if (wrap && wrap.hidden) return false;
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      var checkable = input.type === "radio" || input.type === "checkbox";
      if ((checkable ? input.checked : true) && input.value === value) return true;
    }
    return false;
  }
  function update(form) {
    // Document order: a question's condition is decided before the questions that depend on it.
    form.querySelectorAll("[data-show-if]").forEach(function (question) {
      var show = answered(form, question.dataset.showIf, question.dataset.showIfValue);
      question.hidden = !show;
      question.querySelectorAll("input, select, textarea").forEach(function (el) {
        el.disabled = !show;
      });
    });
  }
  // A link in the error summary moves focus to the answer itself, not just the scroll position.
  document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      event.preventDefault();
      target.focus();
      target.scrollIntoView({ block: "center" });
    });
  });
  document.querySelectorAll("form[data-survey]").forEach(function (form) {
    form.addEventListener("change", function () { update(form); });
    update(form);
  });
})();
