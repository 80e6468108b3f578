// Starts GraphiQL against this server's /graphql from the vendored bundles (no CDN).
// The editor's text is kept in the address (?q=...&variables=...) so a query can be shared.
(function () {
  "use strict";
  var START = [
    "# pathways: stackable micro-credentials, EQF levels and recognition decisions.",
    "# Run with Ctrl-Enter; Ctrl-Space completes. Try:",
    "{",
    "  credentials(search: \"welding\", first: 5) {",
    "    totalCount",
    "    edges { node { id title country ects } }",
    "  }",
    "}",
    ""
  ].join("\n");

  var params = new URLSearchParams(window.location.search);
  var endpoint = window.location.origin + window.location.pathname;

  function remember(key, value) {
    if (value) { params.set(key, value); } else { params.delete(key); }
    var search = params.toString();
    window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }

  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var explorer = GraphiQLPluginExplorer.explorerPlugin();

  function App() {
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      plugins: [explorer],
      defaultQuery: START,
      query: params.get("q") || undefined,
      variables: params.get("variables") || undefined,
      onEditQuery: function (q) { remember("q", q); },
      onEditVariables: function (v) { remember("variables", v); },
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      inputValueDeprecation: true
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(App));
})();
