/* Staff screens: keep focus sensible after htmx swaps, announce what changed, show that a
 * request is working, and say plainly when one failed (server error, refused, expired session,
 * lost network) instead of doing nothing. */
(function () {
  "use strict";

  var FAILED = {
    network: "Нет связи с сервером: действие не выполнено. Проверьте подключение к сети и повторите.",
    timeout: "Сервер не ответил вовремя: действие, возможно, не выполнено. Обновите страницу и проверьте.",
    session: "Сеанс работы завершён: войдите снова. Действие не выполнено.",
    server: "Сбой на сервере: действие не выполнено. Повторите через несколько минут или обратитесь к администратору.",
    other: "Действие не выполнено (ответ сервера %s). Обновите страницу и повторите."
  };

  function region() {
    return document.getElementById("messages");
  }

  function say(text, kind, link) {
    var box = region();
    if (!box) return;
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "message" + (kind ? " message-" + kind : "");
    p.textContent = text;
    if (link) {
      p.appendChild(document.createTextNode(" "));
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      p.appendChild(a);
    }
    box.appendChild(p);
  }

  /* The element whose buttons are disabled while its request runs. */
  function owner(elt) {
    return (elt && elt.closest && elt.closest("form")) || elt;
  }

  var indicator = null;
  function busy(on, elt) {
    if (!indicator) {
      indicator = document.getElementById("busy-indicator");
    }
    var root = owner(elt);
    if (root && root.setAttribute) {
      if (on) {
        root.setAttribute("aria-busy", "true");
        var focused = document.activeElement;
        root.querySelectorAll("button, input[type=submit]").forEach(function (button) {
          if (button.disabled) return;
          button.disabled = true;
          button.setAttribute("data-busy-disabled", "");
          if (button === focused) button.setAttribute("data-busy-focus", "");
        });
      } else {
        root.removeAttribute("aria-busy");
        root.querySelectorAll("[data-busy-disabled]").forEach(function (button) {
          button.disabled = false;
          button.removeAttribute("data-busy-disabled");
          if (button.hasAttribute("data-busy-focus")) {
            button.removeAttribute("data-busy-focus");
            // The request failed and nothing was swapped: give the focus back.
            if (button.isConnected && (!document.activeElement || document.activeElement === document.body)) {
              button.focus();
            }
          }
        });
      }
    }
    if (indicator) indicator.hidden = !on;
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    busy(true, event.detail.elt);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    busy(false, event.detail.elt);
  });

  /* A request that ended on the sign-in page: the session expired. Do not swap the sign-in form
   * into the screen; say so, with a link back here through the sign-in page. */
  document.addEventListener("htmx:beforeSwap", function (event) {
    var login = document.body.getAttribute("data-login-url");
    var xhr = event.detail.xhr;
    if (login && xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === login) {
      event.detail.shouldSwap = false;
      event.detail.isError = false;
      say(FAILED.session, "error", {
        href: login + "?next=" + encodeURIComponent(location.pathname),
        text: "Войти"
      });
    }
  });

  /* A 4xx/5xx answer that htmx did not swap (see htmx-config in staff_base.html): show the
   * page's own heading and reason (the 403, 404 and 500 pages), or a plain message. */
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var text = "";
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
      var heading = doc.querySelector("main h1");
      var reason = doc.querySelector("main h1 + p");
      if (heading && reason) text = heading.textContent.trim() + ": " + reason.textContent.trim();
    } catch (e) {
      text = "";
    }
    if (!text) {
      text = xhr.status >= 500 ? FAILED.server : FAILED.other.replace("%s", String(xhr.status));
    }
    say(text, "error");
  });
  document.addEventListener("htmx:sendError", function () {
    say(FAILED.network, "error");
  });
  document.addEventListener("htmx:timeout", function () {
    say(FAILED.timeout, "error");
  });

  // A form sent without htmx comes back with its error summary: the summary takes the focus, as
  // it does after a swap, so the first thing read and tabbed from is what to correct.
  document.addEventListener("DOMContentLoaded", function () {
    // A page that puts the focus on its one field itself (autofocus: the second-factor code)
    // keeps it there; its error is next to that field.
    var summary = document.querySelector(".error-summary[data-focus]");
    if (summary && !document.querySelector("[autofocus]")) summary.focus();
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    // The event is fired on each element swapped in (the new #case, or only the new #plan after
    // a plan action): look for the focus there, not in the parts of the page left as they were,
    // which may still carry the data-focus of the first render.
    var root = event.target && event.target.isConnected ? event.target : null;
    if (!root || root === document.body) {
      var target = event.detail.target;
      root = target && target.isConnected ? target : document;
    }
    var focus = root.querySelector("[data-focus]");
    if (!focus && root !== document && root.matches("[data-focus]")) focus = root;
    if (focus) {
      if (!focus.hasAttribute("tabindex")) focus.setAttribute("tabindex", "-1");
      focus.focus();
    }
    var announce = root.querySelector("[data-announce]");
    if (announce) say(announce.getAttribute("data-announce"));
  });

  /* The plan's service chooser: a filter field narrows the grouped list as one types. Without
   * JS the field stays hidden and the grouped <select> works alone. */
  function fold(text) {
    return text.toLowerCase().replace(/ё/g, "е");
  }

  function servicesWord(n) {
    var ten = n % 10, hundred = n % 100;
    if (ten === 1 && hundred !== 11) return "услуга";
    if (ten >= 2 && ten <= 4 && (hundred < 10 || hundred >= 20)) return "услуги";
    return "услуг";
  }

  function narrow(input, select, count) {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    select.querySelectorAll("optgroup").forEach(function (group) {
      var any = false;
      var groupText = fold(group.label);
      group.querySelectorAll("option").forEach(function (option) {
        var text = fold(option.textContent) + " " + groupText;
        var match = words.every(function (word) { return text.indexOf(word) >= 0; });
        // The chosen service stays, so the form never loses it behind the filter.
        var keep = match || option.selected;
        option.hidden = !keep;
        option.disabled = !keep;
        if (match) shown += 1;
        if (keep) any = true;
      });
      group.hidden = !any;
    });
    count.textContent = words.length
      ? (shown ? "Подходит " + shown + " " + servicesWord(shown) + "." : "Подходящих услуг нет.")
      : "";
  }

  function setUpServiceFilter(root) {
    if (!root || !root.querySelectorAll) return;
    root.querySelectorAll("[data-service-filter]").forEach(function (box) {
      if (box.hasAttribute("data-ready")) return;
      var input = box.querySelector("input");
      var select = document.getElementById(input.getAttribute("aria-controls"));
      var count = box.querySelector("[aria-live]");
      if (!select) return;
      box.setAttribute("data-ready", "");
      box.hidden = false;
      input.addEventListener("input", function () { narrow(input, select, count); });
      input.addEventListener("keydown", function (event) {
        // Enter in the filter goes on to the list instead of sending the form half filled.
        if (event.key === "Enter") {
          event.preventDefault();
          select.focus();
        }
      });
    });
  }

  document.addEventListener("htmx:load", function (event) {
    setUpServiceFilter(event.target);
  });
  document.addEventListener("DOMContentLoaded", function () {
    setUpServiceFilter(document);
  });
})();
