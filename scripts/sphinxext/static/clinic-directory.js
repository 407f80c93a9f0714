/* Smertehåndboka clinic directory: sort by any column, filter by region and staff category.
 * Progressive enhancement: the table is complete without this script; the script only adds
 * sort buttons to the headers, shows the (server-rendered, translated) controls, and hides rows.
 * No dependencies, no network requests. */
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

  function sortValue(cell, numeric) {
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : null;
    if (raw === null) return null;
    return numeric ? parseFloat(raw) : raw;
  }

  function setUp(container) {
    var table = container.querySelector("table");
    var body = table.tBodies[0];
    var form = container.querySelector("form.clinic-directory-controls");
    var status = form.querySelector(".clinic-directory-status");
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(body.rows);
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    var state = { key: "", direction: "ascending" };
    var controls = {
      region: form.querySelector('[data-control="region"]'),
      staff: form.querySelector('[data-control="staff"]'),
      sort: form.querySelector('[data-control="sort"]'),
    };

    function announce(extra) {
      var shown = rows.filter(function (row) { return !row.hidden; }).length;
      var text = format(form.dataset.shown, { shown: shown, total: rows.length });
      status.textContent = extra ? text + " " + extra : text;
    }

    function sortText() {
      if (!state.key) return form.dataset.sourceOrder;
      var header = headers.filter(function (th) { return th.dataset.key === state.key; })[0];
      return format(form.dataset.sorted, {
        column: header.textContent,
        direction: form.dataset[state.direction],
      });
    }

    function applySort() {
      var index = headers.findIndex(function (th) { return th.dataset.key === state.key; });
      var ordered = rows.slice();
      if (index >= 0) {
        var numeric = headers[index].dataset.type === "number";
        var sign = state.direction === "ascending" ? 1 : -1;
        ordered.sort(function (a, b) {
          var x = sortValue(a.cells[index], numeric), y = sortValue(b.cells[index], numeric);
          if (x === null || y === null) {  // missing figures always last, in source order
            return x === y ? rows.indexOf(a) - rows.indexOf(b) : x === null ? 1 : -1;
          }
          var order = numeric ? x - y : collator.compare(x, y);
          return order ? sign * order : rows.indexOf(a) - rows.indexOf(b);
        });
      }
      ordered.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (th, i) {
        th.setAttribute("aria-sort", i === index ? state.direction : "none");
      });
      controls.sort.value = state.key ? state.key + ":" + state.direction : "";
    }

    function applyFilter() {
      var region = controls.region.value, staff = controls.staff.value;
      rows.forEach(function (row) {
        var categories = (row.dataset.staff || "").split(" ");
        row.hidden = (region && row.dataset.region !== region) ||
                     (staff && categories.indexOf(staff) < 0);
      });
    }

    headers.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "clinic-sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var same = state.key === th.dataset.key;
        state.direction = same && state.direction === "ascending" ? "descending" : "ascending";
        state.key = th.dataset.key;
        applySort();
        announce(sortText());
      });
    });
    controls.sort.addEventListener("change", function () {
      var parts = controls.sort.value.split(":");
      state.key = parts[0];
      state.direction = parts[1] || "ascending";
      applySort();
      announce(sortText());
    });
    [controls.region, controls.staff].forEach(function (select) {
      select.addEventListener("change", function () { applyFilter(); announce(); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    container.classList.add("is-interactive");
    announce();
  }

  function start() {
    document.querySelectorAll(".clinic-directory").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
