// The recognition desk's document box: a chosen file is read into the text box, so one
// form posts either a pasted or an uploaded document (nothing leaves for another host).
(function () {
  "use strict";
  var file = document.getElementById("document-file");
  var box = document.querySelector("textarea[name=document]");
  if (!file || !box) { return; }
  file.addEventListener("change", function () {
    var chosen = file.files && file.files[0];
    if (!chosen) { return; }
    chosen.text().then(function (text) { box.value = text; box.rows = 12; });
  });
})();
