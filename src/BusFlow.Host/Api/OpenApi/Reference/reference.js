// Renders the OpenAPI document named by <body data-document> as plain HTML: operations grouped by
// their first path segment after /api, then the schemas. Text is set with textContent only, so
// nothing in the document is ever interpreted as markup.
"use strict";

(() => {
  const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
  const main = document.getElementById("reference");
  const status = document.getElementById("status");

  const element = (name, text, className) => {
    const node = document.createElement(name);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  };

  const schemaName = (schema) => {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array"))) return `${schemaName(schema.items)}[]`;
    if (Array.isArray(schema.type)) return schema.type.join(" | ");
    return [schema.type, schema.format].filter(Boolean).join(" ") || "object";
  };

  const table = (headings, rows) => {
    const result = element("table");
    const head = result.createTHead().insertRow();
    headings.forEach((heading) => head.appendChild(element("th", heading)).setAttribute("scope", "col"));
    const body = result.createTBody();
    rows.forEach((cells) => {
      const row = body.insertRow();
      cells.forEach((cell) => row.appendChild(element("td", cell)));
    });
    return result;
  };

  const operation = (path, method, op) => {
    const section = element("section", null, "operation");
    const heading = element("h3");
    heading.append(element("span", method.toUpperCase(), `method ${method}`), element("span", path, "path"));
    section.appendChild(heading);
    if (op.summary) section.appendChild(element("p", op.summary));
    if (op.description) section.appendChild(element("p", op.description));
    const parameters = op.parameters || [];
    if (parameters.length > 0) {
      section.appendChild(table(["Parameter", "In", "Type", "Required"],
        parameters.map((p) => [p.name, p.in, schemaName(p.schema), p.required ? "yes" : "no"])));
    }
    const body = op.requestBody && op.requestBody.content;
    if (body) {
      section.appendChild(table(["Request body", "Schema"],
        Object.entries(body).map(([type, media]) => [type, schemaName(media.schema)])));
    }
    const responses = Object.entries(op.responses || {});
    if (responses.length > 0) {
      section.appendChild(table(["Response", "Description", "Schema"],
        responses.map(([code, response]) => [code, response.description || "",
          Object.values(response.content || {}).map((media) => schemaName(media.schema)).filter(Boolean).join(", ")])));
    }
    return section;
  };

  const groupOf = (path) => path.split("/").filter(Boolean)[1] || path;

  const render = (document_) => {
    const info = document_.info || {};
    document.title = `${info.title || "API"} reference`;
    main.querySelector("h1").textContent = info.title || "API reference";
    status.textContent = "";
    status.appendChild(element("span", `Version ${info.version || "?"} · `, "version"));
    const link = element("a", "OpenAPI document");
    link.href = document.body.dataset.document;
    status.appendChild(link);
    if (info.description) main.appendChild(element("p", info.description));

    const groups = new Map();
    Object.entries(document_.paths || {}).forEach(([path, item]) => {
      methods.filter((method) => item[method]).forEach((method) => {
        const group = groupOf(path);
        if (!groups.has(group)) groups.set(group, []);
        groups.get(group).push(operation(path, method, item[method]));
      });
    });
    [...groups.keys()].sort().forEach((group) => {
      main.appendChild(element("h2", group));
      groups.get(group).forEach((section) => main.appendChild(section));
    });

    const schemas = Object.entries((document_.components && document_.components.schemas) || {});
    if (schemas.length > 0) {
      main.appendChild(element("h2", "Schemas"));
      schemas.forEach(([name, schema]) => {
        const section = element("section", null, "operation");
        section.id = `schema-${name}`;
        section.appendChild(element("h3", name));
        const properties = Object.entries(schema.properties || {});
        if (properties.length > 0) {
          const required = new Set(schema.required || []);
          section.appendChild(table(["Property", "Type", "Required"],
            properties.map(([property, type]) => [property, schemaName(type), required.has(property) ? "yes" : "no"])));
        } else if (schema.enum) {
          section.appendChild(element("p", `One of: ${schema.enum.join(", ")}`));
        }
        main.appendChild(section);
      });
    }
    main.dataset.rendered = "true";
  };

  fetch(document.body.dataset.document, { headers: { Accept: "application/json" } })
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return response.json();
    })
    .then(render)
    .catch((error) => { status.textContent = `The OpenAPI document could not be loaded: ${error.message}`; });
})();
