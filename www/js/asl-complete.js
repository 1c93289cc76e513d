// Completion in the definition editor, from where the cursor sits in the JSON: the fields a state of
// its Type may have (or a machine, a retrier, a catcher, a Choice rule), the state types, the names
// of the states a `Next`, `Default` or `StartAt` may name, error names in `ErrorEquals`, and the
// service integrations a `Resource` may call; and what a field or state type does, on hover. Read
// from the syntax tree, so it works on a definition with errors too.

import { syntaxTree } from "@codemirror/language";
import { hoverTooltip } from "@codemirror/view";
import { FIELD_DOCS, TYPE_DOCS } from "./asl-fields.js";

const COMMON = ["Type", "Comment", "QueryLanguage", "InputPath", "OutputPath", "Next", "End", "Assign", "Output"];
const RESULT = ["ResultPath", "ResultSelector", "Retry", "Catch", "Parameters", "Arguments"];
const STATE_FIELDS = {
  Task: [...RESULT, "Resource", "Credentials", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath"],
  Pass: ["Result", "ResultPath", "Parameters"],
  Choice: ["Choices", "Default"],
  Wait: ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"],
  Succeed: [],
  Fail: ["Error", "ErrorPath", "Cause", "CausePath"],
  Parallel: [...RESULT, "Branches"],
  Map: [
    ...RESULT, "ItemProcessor", "ItemsPath", "Items", "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter",
    "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailurePercentage", "Label",
  ],
};
const NOT_AFTER = { Choice: ["Next", "End", "ResultPath"], Succeed: ["Next", "End"], Fail: ["Next", "End", "InputPath", "OutputPath", "Output", "Assign"] };
const OPERATORS = ["String", "Numeric", "Timestamp"].flatMap((t) =>
  ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"].flatMap((op) => [`${t}${op}`, `${t}${op}Path`]),
);
const FIELDS = {
  machine: ["StartAt", "States", "Comment", "TimeoutSeconds", "Version", "QueryLanguage", "ProcessorConfig"],
  retrier: ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"],
  catcher: ["ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment"],
  rule: [
    "Variable", "Next", "Condition", "And", "Or", "Not", "Assign", "Output", "Comment", ...OPERATORS,
    "BooleanEquals", "BooleanEqualsPath", "StringMatches",
    "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp",
  ],
};
const ERRORS = [
  "States.ALL", "States.TaskFailed", "States.Timeout", "States.HeartbeatTimeout", "States.Permissions",
  "States.DataLimitExceeded", "States.ResultPathMatchFailure", "States.ParameterPathFailure", "States.QueryEvaluationError",
  "States.BranchFailed", "States.NoChoiceMatched", "States.IntrinsicFailure", "States.ExceedToleratedFailureThreshold",
  "States.ItemReaderFailed", "States.ResultWriterFailed", "States.Runtime",
  "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
];
const RESOURCES = [
  "arn:aws:states:::lambda:invoke", "arn:aws:states:::lambda:invoke.waitForTaskToken",
  "arn:aws:states:::sns:publish", "arn:aws:states:::sqs:sendMessage", "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
  "arn:aws:states:::dynamodb:getItem", "arn:aws:states:::dynamodb:putItem", "arn:aws:states:::dynamodb:updateItem",
  "arn:aws:states:::dynamodb:deleteItem", "arn:aws:states:::batch:submitJob.sync", "arn:aws:states:::states:startExecution",
  "arn:aws:states:::states:startExecution.sync:2",
];
const VALUES = {
  Type: Object.keys(STATE_FIELDS),
  QueryLanguage: ["JSONPath", "JSONata"],
  JitterStrategy: ["FULL", "NONE"],
  Resource: RESOURCES,
};

/** The completion source for the definition editor's JSON. */
export function aslCompletions(context) {
  const node = syntaxTree(context.state).resolveInner(context.pos, -1);
  if (node.name !== "String" && node.name !== "PropertyName") return null;
  const closed = node.to - node.from >= 2 && context.state.sliceDoc(node.to - 1, node.to) === '"';
  if (context.pos <= node.from || (closed && context.pos >= node.to)) return null;
  const read = (n) => readString(context.state, n);
  const field = node.name === "PropertyName";
  const options = field ? fieldsOf(node.parent?.parent, read) : valuesAt(node, read);
  if (!options?.length) return null;
  const docs = field ? FIELD_DOCS : keyOf(node.parent, read) === "Type" ? TYPE_DOCS : {};
  return {
    from: node.from + 1,
    to: closed ? node.to - 1 : context.pos,
    options: options.map((label) => ({ label, type: field ? "property" : "constant", info: docs[label] })),
    validFor: /^[\w.:\- ]*$/,
  };
}

/** On hover over a field's name or a state's Type: what it does. */
export const aslHover = hoverTooltip((view, pos, side) => {
  const node = syntaxTree(view.state).resolveInner(pos, side);
  const read = (n) => readString(view.state, n);
  const text =
    node.name === "PropertyName" ? FIELD_DOCS[read(node)]
    : node.name === "String" && keyOf(node.parent, read) === "Type" ? TYPE_DOCS[read(node)]
    : undefined;
  if (!text) return null;
  return {
    pos: node.from,
    end: node.to,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "asl-doc";
      dom.textContent = text;
      return { dom };
    },
  };
});

function readString(state, node) {
  try {
    return JSON.parse(state.sliceDoc(node.from, node.to));
  } catch {
    return null;
  }
}

/** The name of a Property node. */
function keyOf(property, read) {
  const name = property?.name === "Property" ? property.getChild("PropertyName") : null;
  return name ? read(name) : null;
}

/** The members of an Object node, by name. */
function members(object, read) {
  const found = new Map();
  for (const property of object?.getChildren("Property") ?? []) {
    const key = keyOf(property, read);
    if (key !== null) found.set(key, property);
  }
  return found;
}

/** What an Object node is in the definition: a machine, a state, a retrier, a catcher, a rule. */
function roleOf(object, read) {
  const parent = object?.parent;
  if (!parent) return null;
  if (parent.name === "JsonText") return "machine";
  if (parent.name === "Property") {
    const key = keyOf(parent, read);
    if (key === "ItemProcessor" || key === "Iterator") return "machine";
    if (key === "Not") return "rule";
    return keyOf(parent.parent?.parent, read) === "States" ? "state" : null;
  }
  if (parent.name === "Array") {
    const key = keyOf(parent.parent, read);
    return { Branches: "machine", Retry: "retrier", Catch: "catcher", Choices: "rule", And: "rule", Or: "rule" }[key] ?? null;
  }
  return null;
}

/** The fields an Object node may still take. */
function fieldsOf(object, read) {
  const role = roleOf(object, read);
  const present = members(object, read);
  let fields = FIELDS[role];
  if (role === "state") {
    const typeValue = present.get("Type")?.getChild("String");
    const type = typeValue ? read(typeValue) : null;
    const own = STATE_FIELDS[type];
    fields = own
      ? [...COMMON, ...own].filter((f) => !(NOT_AFTER[type] ?? []).includes(f))
      : [...new Set([...COMMON, ...Object.values(STATE_FIELDS).flat()])];
  }
  return fields && [...new Set(fields)].filter((f) => !present.has(f));
}

/** The values a String node may take where it is. */
function valuesAt(node, read) {
  const parent = node.parent;
  if (parent?.name === "Array") return keyOf(parent.parent, read) === "ErrorEquals" ? ERRORS : null;
  if (parent?.name !== "Property") return null;
  const key = keyOf(parent, read);
  if (key === "Next" || key === "Default") return stateNames(parent.parent, read);
  if (key === "StartAt") {
    const states = members(parent.parent, read).get("States")?.getChild("Object");
    return states ? [...members(states, read).keys()] : null;
  }
  return VALUES[key] ?? null;
}

/** The states a transition from inside `object` may name: those of the state's own States. */
function stateNames(object, read) {
  for (let at = object; at; at = at.parent) {
    if (at.name === "Object" && roleOf(at, read) === "state") return [...members(at.parent.parent, read).keys()];
  }
  return null;
}
