// Live filtering of the index: the pre-built filter pages work without
// JavaScript; this only narrows the list in place. No case data here.
(function () {
  "use strict";
  var form = document.getElementById("live-filter");
  var list = document.getElementById("records");
  if (!form || !list) { return; }
  var status = document.getElementById("filter-status");
  var selects = form.querySelectorAll("select");
  var items = list.querySelectorAll("li[data-case]");
  function apply() {
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var match = true;
      for (var j = 0; j < selects.length; j++) {
        var want = selects[j].value;
        if (want && item.getAttribute("data-" + selects[j].name) !== want) { match = false; }
      }
      item.hidden = !match;
      if (match) { shown++; }
    }
    status.textContent = shown === 1 ? "1 decision shown" : shown + " decisions shown";
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
}());
