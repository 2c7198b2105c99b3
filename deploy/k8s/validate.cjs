// Validates every object of a rendered overlay (kubectl kustomize output on stdin) against the Kubernetes
// schemas bundled in the npm package kubernetes-models (offline). Custom resources (the CloudNativePG Cluster) have
// no bundled schema: they are named as unchecked. Exit 1 on the first invalid object.
const yaml = require("js-yaml");
const fs = require("fs");

const docs = yaml.loadAll(fs.readFileSync(0, "utf8")).filter(Boolean);
const CUSTOM = new Set(["postgresql.cnpg.io/v1"]);
let checked = 0;
const unchecked = [];
for (const doc of docs) {
  const where = `${doc.kind} ${doc.metadata && doc.metadata.name}`;
  if (CUSTOM.has(doc.apiVersion)) {
    unchecked.push(`${where} (${doc.apiVersion}: custom resource, checked by its operator when applied)`);
    continue;
  }
  const group = doc.apiVersion.includes("/") ? doc.apiVersion : `v1`;
  let Model;
  try {
    Model = require(`kubernetes-models/${group}/${doc.kind}`)[doc.kind];
  } catch (e) {
    console.error(`no schema for ${doc.apiVersion} ${doc.kind} (${where})`);
    process.exit(1);
  }
  try {
    new Model(doc).validate();
  } catch (e) {
    console.error(`invalid: ${where}: ${e.message}`);
    process.exit(1);
  }
  checked++;
}
console.log(`${checked} objects valid against the Kubernetes schemas; unchecked: ${unchecked.length ? unchecked.join("; ") : "none"}`);
