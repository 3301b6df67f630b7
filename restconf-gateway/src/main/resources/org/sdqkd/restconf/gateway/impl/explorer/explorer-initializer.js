// Swagger UI on this server's own OpenAPI document; validatorUrl null: no call to an online validator.
// The modules (tags) start collapsed: the document has hundreds of operations.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/restconf/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    docExpansion: "none",
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
