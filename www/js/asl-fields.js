// What each field of Amazon States Language does, in a sentence (after the ASL specification and
// the AWS Step Functions developer guide): shown beside completions and when hovering a field.

export const FIELD_DOCS = {
  // The machine.
  StartAt: "The name of the state the execution (or this branch or item processor) starts with.",
  States: "The states, by name.",
  Comment: "A description for people; the interpreter ignores it.",
  TimeoutSeconds: "The most seconds the execution (or the task) may run before failing with States.Timeout.",
  Version: "The version of the language the definition uses (1.0).",
  QueryLanguage: "JSONPath (the default) or JSONata: how the fields of this machine or state read and shape data.",
  ProcessorConfig: "How a Map's item processor runs: INLINE, or DISTRIBUTED as child executions.",
  // Every state.
  Type: "The kind of state: Pass, Task, Choice, Wait, Succeed, Fail, Parallel or Map.",
  Next: "The name of the state to go to after this one.",
  End: "true: the execution (or the branch or iteration) ends after this state.",
  InputPath: "JSONPath: the part of the state's input it works on ($ by default).",
  OutputPath: "JSONPath: the part of the result passed on as the state's output ($ by default).",
  Assign: "Workflow variables to set from this state, by name.",
  Output: "JSONata: the state's output, built from $states.input, $states.result and variables.",
  // Results.
  Parameters: "JSONPath: the input given to the task, branch or Map built from this template (fields ending in .$ are paths or intrinsic functions).",
  Arguments: "JSONata: the input given to the task, branches or items, built from this template.",
  ResultSelector: "JSONPath: reshapes the task's raw result before ResultPath places it.",
  ResultPath: "JSONPath: where the result goes in the state's input ($ replaces it; null keeps the input).",
  Result: "The fixed value a Pass state puts out as its result.",
  Retry: "Retriers: which errors are retried, how often, and how long to wait between attempts.",
  Catch: "Catchers: which errors go to which state instead of failing the execution.",
  // Task.
  Resource: "What the task calls: a Lambda function, a service integration (arn:aws:states:::service:action) or an activity.",
  Credentials: "The role the task's call assumes.",
  TimeoutSecondsPath: "JSONPath: where in the input the task's timeout in seconds is.",
  HeartbeatSeconds: "The most seconds between heartbeats of a task waiting for a callback before States.HeartbeatTimeout.",
  HeartbeatSecondsPath: "JSONPath: where in the input the heartbeat interval is.",
  // Choice.
  Choices: "The rules, tried in order: the first that matches names the next state.",
  Default: "The state to go to when no rule matches (else the execution fails with States.NoChoiceMatched).",
  Variable: "JSONPath: the value a rule compares.",
  Condition: "JSONata: a rule's test, true or false.",
  And: "A rule matching when all its rules match.",
  Or: "A rule matching when any of its rules matches.",
  Not: "A rule matching when its rule does not.",
  // Wait.
  Seconds: "How many seconds to wait.",
  SecondsPath: "JSONPath: where in the input the seconds to wait are.",
  Timestamp: "The time to wait until (ISO 8601).",
  TimestampPath: "JSONPath: where in the input the time to wait until is.",
  // Fail.
  Error: "The error name the execution fails with.",
  ErrorPath: "JSONPath: where in the input the error name is.",
  Cause: "A description of the failure.",
  CausePath: "JSONPath: where in the input the cause is.",
  // Parallel and Map.
  Branches: "The state machines run at once on the state's input; the result is the array of their outputs.",
  ItemProcessor: "The state machine run for each item; the result is the array of their outputs.",
  Iterator: "The former name of ItemProcessor.",
  ItemsPath: "JSONPath: where in the input the array of items is ($ by default).",
  Items: "JSONata: the array of items.",
  ItemSelector: "The input given to each item's run, built from the item ($$.Map.Item.Value) and the state's input.",
  ItemReader: "Where a distributed Map reads its items from (an S3 object, a listing).",
  ItemBatcher: "Groups items into batches, each one run.",
  ResultWriter: "Where a distributed Map writes its results.",
  MaxConcurrency: "How many items run at once (0: as many as possible).",
  MaxConcurrencyPath: "JSONPath: where in the input the concurrency is.",
  ToleratedFailureCount: "How many items may fail before the Map fails.",
  ToleratedFailurePercentage: "What share of items may fail before the Map fails.",
  Label: "A distributed Map's name for its child executions.",
  // Retriers and catchers.
  ErrorEquals: "The error names this retrier or catcher handles (States.ALL for any).",
  IntervalSeconds: "Seconds before the first retry (1 by default).",
  MaxAttempts: "How many retries at most (3 by default; 0 never retries).",
  BackoffRate: "What each wait is multiplied by from one retry to the next (2 by default).",
  MaxDelaySeconds: "The longest wait between retries.",
  JitterStrategy: "FULL: each wait is a random time up to the computed one; NONE (the default): exactly it.",
};

export const TYPE_DOCS = {
  Pass: "Passes its input on, optionally reshaped or with a fixed Result.",
  Task: "Calls a service (a Lambda function, SNS, SQS, DynamoDB, Batch, …) or an activity, and waits for its result.",
  Choice: "Picks the next state by rules on the input.",
  Wait: "Waits for some seconds or until a time.",
  Succeed: "Ends the execution (or branch) successfully.",
  Fail: "Ends the execution with an error.",
  Parallel: "Runs branches at once and gathers their outputs.",
  Map: "Runs the same steps for each item of an array.",
};
