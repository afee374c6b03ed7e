/* Suggestions under the search boxes: the ARIA 1.2 combobox pattern (list autocomplete).
 *
 * Enhances the header box (#search-box-input) and the search page box (#search-page-input).
 * ArrowDown/ArrowUp move through the titles, Enter opens the chosen page, Escape closes the list;
 * a polite live region says how many suggestions there are. Without JavaScript (or when the
 * request fails) the form simply submits to /szukaj/.
 */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 150;

  function enhance(input) {
    var form = input.form;
    if (!form || input.dataset.suggestReady) {
      return;
    }
    input.dataset.suggestReady = "1";
    var endpoint = (form.getAttribute("action") || "/szukaj/").replace(/\/?$/, "/") + "podpowiedzi/";
    var listId = input.id + "-podpowiedzi";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Podpowiedzi");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", list);
    form.appendChild(status);
    form.classList.add("has-suggest");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;

    function setActive(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (option, n) {
        option.setAttribute("aria-selected", n === index ? "true" : "false");
      });
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", listId + "-" + index);
        list.children[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function open() {
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function go(index) {
      if (items[index]) {
        window.location.assign(items[index].url);
      }
    }

    function render(data) {
      items = (data && data.results) || [];
      list.textContent = "";
      items.forEach(function (item, n) {
        var option = document.createElement("li");
        option.id = listId + "-" + n;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.title;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the box
        });
        option.addEventListener("click", function () {
          go(n);
        });
        list.appendChild(option);
      });
      status.textContent = (data && data.announcement) || "";
      setActive(-1);
      if (items.length) {
        open();
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var value = input.value.trim();
      if (value.length < MIN_LENGTH) {
        items = [];
        list.textContent = "";
        close();
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      fetch(endpoint + "?q=" + encodeURIComponent(value), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(render)
        .catch(function () {
          /* aborted or offline: the form still submits */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      if (event.key === "ArrowDown") {
        if (!items.length) {
          return;
        }
        event.preventDefault();
        open();
        setActive(expanded ? (active + 1) % items.length : 0);
      } else if (event.key === "ArrowUp") {
        if (!items.length) {
          return;
        }
        event.preventDefault();
        open();
        setActive(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (expanded && active >= 0) {
          event.preventDefault();
          go(active);
        }
      } else if (event.key === "Escape") {
        if (expanded) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  function init() {
    ["search-box-input", "search-page-input"].forEach(function (id) {
      var input = document.getElementById(id);
      if (input) {
        enhance(input);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
