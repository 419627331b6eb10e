// The draft page's JSON editor: enhances every textarea[data-json-editor] with CodeMirror 6, completing,
// explaining and checking the JSON against the schema at data-json-schema. The textarea stays the form's
// field (hidden, kept in sync on every change), so the form posts exactly what was typed; without this
// script the page is a plain textarea that works the same.
import { EditorView, basicSetup } from "codemirror";
import { hoverTooltip, keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { linter, lintGutter } from "@codemirror/lint";
import { json, jsonLanguage, jsonParseLinter } from "@codemirror/lang-json";
import { jsonCompletion, jsonSchemaHover, jsonSchemaLinter, stateExtensions, handleRefresh, updateSchema } from "codemirror-json-schema";

// CodeMirror mounts its styles at run time; the page's Content-Security-Policy allows them only with
// the nonce this script was loaded with.
const nonce = document.currentScript ? document.currentScript.nonce : "";

function labelOf(textarea) {
  const label = textarea.id ? document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`) : null;
  if (label) {
    if (!label.id) {
      label.id = `${textarea.id}-label`;
    }
    return { "aria-labelledby": label.id };
  }
  return { "aria-label": textarea.getAttribute("aria-label") || textarea.name };
}

function enhance(textarea) {
  const field = labelOf(textarea);
  const describedBy = textarea.getAttribute("aria-describedby");
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      EditorView.cspNonce.of(nonce),
      basicSetup,
      keymap.of([indentWithTab]),
      json(),
      linter(jsonParseLinter(), { delay: 300 }),
      linter(jsonSchemaLinter(), { needsRefresh: handleRefresh }),
      lintGutter(),
      EditorView.lineWrapping,
      jsonLanguage.data.of({ autocomplete: jsonCompletion() }),
      hoverTooltip(jsonSchemaHover()),
      stateExtensions(),
      EditorView.contentAttributes.of(describedBy ? { ...field, "aria-describedby": describedBy } : field),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          textarea.value = update.state.doc.toString();
        }
      }),
    ],
  });
  textarea.hidden = true;
  textarea.insertAdjacentElement("afterend", view.dom);
  // A click on the label moves to the editor, as it did to the textarea.
  const label = field["aria-labelledby"] ? document.getElementById(field["aria-labelledby"]) : null;
  label?.addEventListener("click", () => view.focus());

  const schemaUrl = textarea.dataset.jsonSchema;
  if (schemaUrl) {
    fetch(schemaUrl, { credentials: "same-origin", headers: { Accept: "application/schema+json, application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status} ${schemaUrl}`))))
      .then((schema) => updateSchema(view, schema))
      .catch((error) => console.warn("BusFlow editor: no schema, so no completion or schema checks.", error));
  }
}

document.querySelectorAll("textarea[data-json-editor]").forEach(enhance);
