// Search-as-you-type for the credential pickers: each input[data-picker] gets its
// datalist filled from the GraphQL API (the same search as the search page) while typing.
// Without JavaScript the inputs still take an id, so the form works either way.
(function () {
  "use strict";
  var QUERY = "query Pick($q: String!) { credentials(search: $q, first: 8) " +
    "{ edges { node { id title country } } } }";
  var WAIT_MS = 150;

  function fill(list, edges) {
    var options = edges.map(function (edge) {
      var option = document.createElement("option");
      option.value = edge.node.id;
      option.textContent = edge.node.title + " · " + edge.node.country;
      return option;
    });
    list.replaceChildren.apply(list, options);
  }

  function attach(input) {
    var list = document.getElementById(input.dataset.picker);
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var text = input.value.trim();
        if (text.length < 2 || text === asked) { return; }
        asked = text;
        fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ query: QUERY, variables: { q: text } })
        }).then(function (response) { return response.json(); }).then(function (body) {
          if (input.value.trim() !== text) { return; }  // a later keystroke wins
          var found = body && body.data && body.data.credentials;
          fill(list, found ? found.edges : []);
          list.dataset.query = text;
        }).catch(function () { asked = ""; });
      }, WAIT_MS);
    });
  }

  document.querySelectorAll("input[data-picker]").forEach(attach);
})();
