/* The idle timeout's warning (staff screens and the Wagtail admin). A minute before the session
 * ends, a modal dialog says so; «Продолжить работу» pings the keep-alive endpoint (any request
 * is activity for the server) and gives the focus back; «Выйти» signs out. When the time is
 * up, the page is requested again: the server, which keeps the real clock, then ends the
 * session and sends the browser to the sign-in page with a message and next= of this page (if
 * another tab kept the session alive, the page simply reloads). Every successful htmx request
 * starts the count again. Configured by data attributes on <body> (staff screens) or on this
 * script's element (the admin). */
(function () {
  "use strict";

  var script = document.currentScript;

  function config() {
    var body = document.body;
    var source = body && body.hasAttribute("data-idle-timeout") ? body : script;
    if (!source || !source.hasAttribute("data-idle-timeout")) return null;
    // In the admin, only the signed-in pages (those with Wagtail's sidebar) count down: the
    // admin's sign-in and password-reset pages carry the script too.
    if (source === script && !document.getElementById("wagtail-sidebar")) return null;
    var timeout = parseInt(source.getAttribute("data-idle-timeout"), 10);
    if (!(timeout > 0)) return null;
    var warning = parseInt(source.getAttribute("data-idle-warning"), 10) || 60;
    return {
      timeout: timeout,
      warning: Math.min(warning, timeout),
      keepalive: source.getAttribute("data-keepalive-url"),
      logout: source.getAttribute("data-logout-url")
    };
  }

  function csrfToken() {
    var headers = document.body.getAttribute("data-hx-headers");
    if (headers) {
      try {
        var token = JSON.parse(headers)["X-CSRFToken"];
        if (token) return token;
      } catch (e) { /* fall through to the cookie */ }
    }
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function start() {
    var settings = config();
    var dialog = document.getElementById("idle-dialog");
    if (!settings || !dialog || typeof dialog.showModal !== "function") return;
    var keepButton = dialog.querySelector("[data-idle-continue]");
    var logoutButton = dialog.querySelector("[data-idle-logout]");
    var error = document.getElementById("idle-dialog-error");
    var warnTimer = null;
    var endTimer = null;
    var returnFocus = null;

    function schedule() {
      clearTimeout(warnTimer);
      clearTimeout(endTimer);
      warnTimer = setTimeout(warn, (settings.timeout - settings.warning) * 1000);
      // A little after the server's own end, so that the server has ended it for sure.
      endTimer = setTimeout(expire, settings.timeout * 1000 + 1500);
    }

    function warn() {
      returnFocus = document.activeElement;
      error.hidden = true;
      if (!dialog.open) dialog.showModal();
      keepButton.focus();
    }

    function close() {
      if (dialog.open) dialog.close();
      if (returnFocus && returnFocus.isConnected && returnFocus.focus) returnFocus.focus();
      returnFocus = null;
    }

    function expire() {
      location.assign(location.href);
    }

    function keepAlive() {
      keepButton.disabled = true;
      fetch(settings.keepalive, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "XMLHttpRequest" }
      }).then(function (response) {
        keepButton.disabled = false;
        if (response.status === 204) {
          schedule();
          close();
        } else if (response.redirected) {
          expire();  // the session had already ended
        } else {
          error.hidden = false;
        }
      }, function () {
        keepButton.disabled = false;
        error.hidden = false;
      });
    }

    function signOut() {
      var form = document.createElement("form");
      form.method = "post";
      form.action = settings.logout;
      var token = document.createElement("input");
      token.type = "hidden";
      token.name = "csrfmiddlewaretoken";
      token.value = csrfToken();
      form.appendChild(token);
      document.body.appendChild(form);
      form.submit();
    }

    keepButton.addEventListener("click", keepAlive);
    logoutButton.addEventListener("click", signOut);
    // Escape must not leave the count running silently: it means «Продолжить работу».
    dialog.addEventListener("cancel", function (event) {
      event.preventDefault();
      keepAlive();
    });
    document.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail && event.detail.successful) schedule();
    });
    schedule();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
