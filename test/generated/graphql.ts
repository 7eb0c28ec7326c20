/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A whole number that may exceed 2^31 (file sizes). Serialized as a JSON number while it is a safe integer. */
  BigInt: { input: number | string; output: number | string; }
  /** An instant as an ISO-8601 string in UTC, e.g. 2026-01-31T12:00:00.000Z. */
  DateTime: { input: string; output: string; }
  /** A file sent with the GraphQL multipart request (see README: uploading files). */
  File: { input: File; output: File; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
};

export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  edges: Array<ActivityEdge>;
  pageInfo: PageInfo;
};

export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  cursor: Scalars['String']['output'];
  node: ActivityLogEntry;
};

export type ActivityFilter = {
  /** Only entries created at or after this instant. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Global ID of the subject. */
  subjectId?: InputMaybe<Scalars['ID']['input']>;
  /** Activity types, e.g. ["state_changed"]. */
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One thing that happened, written in the same transaction as the change it records. */
export type ActivityLogEntry = Node & {
  __typename?: 'ActivityLogEntry';
  activityType: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Pass as `after` to `activity` or `activityAdded` to continue after this entry. */
  cursor: Scalars['String']['output'];
  description: Scalars['String']['output'];
  details: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  /** What the entry is about; null when that record no longer exists or is not a node. */
  subject?: Maybe<Node>;
  subjectType: Scalars['String']['output'];
};

export type ConflictError = DomainError & {
  __typename?: 'ConflictError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type CreateUseCaseInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  teamEmail: Scalars['String']['input'];
};

export type CreateUseCasePayload = {
  __typename?: 'CreateUseCasePayload';
  useCase: UseCase;
};

/** An expected failure of a mutation: nothing was changed. */
export type DomainError = {
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type EvaluationResults = {
  __typename?: 'EvaluationResults';
  recordedAt: Scalars['DateTime']['output'];
  summary: Scalars['JSON']['output'];
};

/** The requested state change is not allowed now; `allowed` lists the states that are. */
export type InvalidTransitionError = DomainError & {
  __typename?: 'InvalidTransitionError';
  allowed: Array<Scalars['String']['output']>;
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  from: Scalars['String']['output'];
  message: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

/** Each mutation is one transaction with its activity entry. */
export type Mutation = {
  __typename?: 'Mutation';
  createUseCase: MutationCreateUseCaseResult;
  recordEvaluationResults: MutationRecordEvaluationResultsResult;
  transitionUseCase: MutationTransitionUseCaseResult;
  updateUseCase: MutationUpdateUseCaseResult;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationCreateUseCaseArgs = {
  input: CreateUseCaseInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationRecordEvaluationResultsArgs = {
  input: RecordEvaluationResultsInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationTransitionUseCaseArgs = {
  input: TransitionUseCaseInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationUpdateUseCaseArgs = {
  input: UpdateUseCaseInput;
};

export type MutationCreateUseCaseResult = ConflictError | CreateUseCasePayload | NotFoundError | ValidationError;

export type MutationRecordEvaluationResultsResult = ConflictError | NotFoundError | RecordEvaluationResultsPayload | StaleVersionError | ValidationError;

export type MutationTransitionUseCaseResult = ConflictError | InvalidTransitionError | NotFoundError | StaleVersionError | TransitionUseCasePayload | ValidationError;

export type MutationUpdateUseCaseResult = ConflictError | NotFoundError | StaleVersionError | UpdateUseCasePayload | ValidationError;

export type Node = {
  id: Scalars['ID']['output'];
};

export type NotFoundError = DomainError & {
  __typename?: 'NotFoundError';
  code: Scalars['String']['output'];
  id: Scalars['String']['output'];
  message: Scalars['String']['output'];
  typeName: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Every query needs the viewer role or higher. */
export type Query = {
  __typename?: 'Query';
  /** The activity log, newest first. */
  activity: ActivityConnection;
  node?: Maybe<Node>;
  nodes: Array<Maybe<Node>>;
  useCase?: Maybe<UseCase>;
  useCaseStateMachine: UseCaseStateMachine;
  useCases: QueryUseCasesConnection;
  viewer?: Maybe<Viewer>;
};


/** Every query needs the viewer role or higher. */
export type QueryActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActivityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Every query needs the viewer role or higher. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Every query needs the viewer role or higher. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Every query needs the viewer role or higher. */
export type QueryUseCaseArgs = {
  id: Scalars['ID']['input'];
};


/** Every query needs the viewer role or higher. */
export type QueryUseCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UseCaseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<UseCaseOrder>;
};

export type QueryUseCasesConnection = {
  __typename?: 'QueryUseCasesConnection';
  edges: Array<QueryUseCasesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type QueryUseCasesConnectionEdge = {
  __typename?: 'QueryUseCasesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: UseCase;
};

export type RecordEvaluationResultsInput = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** A RESULTS StoredFile of this use case. */
  resultsFileId?: InputMaybe<Scalars['ID']['input']>;
  summary: Scalars['JSON']['input'];
  useCaseId: Scalars['ID']['input'];
};

export type RecordEvaluationResultsPayload = {
  __typename?: 'RecordEvaluationResultsPayload';
  useCase: UseCase;
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** Someone else changed the record since you read it (`expectedVersion` is behind). */
export type StaleVersionError = DomainError & {
  __typename?: 'StaleVersionError';
  code: Scalars['String']['output'];
  currentVersion: Scalars['Int']['output'];
  expectedVersion: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

export type StateTransition = {
  __typename?: 'StateTransition';
  actor: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  fromState: UseCaseState;
  id: Scalars['ID']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  toState: UseCaseState;
};

/** The blob store could not be reached or refused the operation; nothing was recorded. */
export type StorageError = DomainError & {
  __typename?: 'StorageError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type TransitionRule = {
  __typename?: 'TransitionRule';
  description: Scalars['String']['output'];
  from: UseCaseState;
  /** A precondition on attached files, if any. */
  guard?: Maybe<Scalars['String']['output']>;
  to: UseCaseState;
};

export type TransitionUseCaseInput = {
  /** Fail with StaleVersionError unless the use case is at this version. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  to: UseCaseState;
};

export type TransitionUseCasePayload = {
  __typename?: 'TransitionUseCasePayload';
  transition: StateTransition;
  useCase: UseCase;
};

export type UpdateUseCaseInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  teamEmail?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateUseCasePayload = {
  __typename?: 'UpdateUseCasePayload';
  useCase: UseCase;
};

/** An evaluation use case moving through the workflow (see `useCaseStateMachine`). */
export type UseCase = Node & {
  __typename?: 'UseCase';
  /** Activity about this record, newest first. */
  activity: ActivityConnection;
  /** States this use case can move to now (guards on attached files included). */
  allowedTransitions: Array<UseCaseState>;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  evaluationResults?: Maybe<EvaluationResults>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  state: UseCaseState;
  teamEmail: Scalars['String']['output'];
  /** State changes, oldest first. */
  transitions: UseCaseTransitionsConnection;
  updatedAt: Scalars['DateTime']['output'];
  /** Pass as `expectedVersion` to make a write fail if someone changed the record. */
  version: Scalars['Int']['output'];
};


/** An evaluation use case moving through the workflow (see `useCaseStateMachine`). */
export type UseCaseActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An evaluation use case moving through the workflow (see `useCaseStateMachine`). */
export type UseCaseTransitionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type UseCaseFilter = {
  /** Case-insensitive substring of the name. */
  search?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<UseCaseState>;
  teamEmail?: InputMaybe<Scalars['String']['input']>;
};

export type UseCaseOrder = {
  direction?: InputMaybe<SortDirection>;
  field: UseCaseOrderField;
};

export type UseCaseOrderField =
  | 'CREATED_AT'
  | 'NAME'
  | 'UPDATED_AT';

export type UseCaseState =
  | 'AWAITING_CONFIG'
  | 'CANCELLED'
  | 'CONFIG_RECEIVED'
  | 'EVALUATION_COMPLETED'
  | 'EVALUATION_FAILED'
  | 'EVALUATION_RUNNING'
  | 'READY_FOR_EVALUATION'
  | 'TEMPLATE_GENERATION';

export type UseCaseStateMachine = {
  __typename?: 'UseCaseStateMachine';
  initialState: UseCaseState;
  states: Array<UseCaseState>;
  terminalStates: Array<UseCaseState>;
  transitions: Array<TransitionRule>;
};

export type UseCaseTransitionsConnection = {
  __typename?: 'UseCaseTransitionsConnection';
  edges: Array<UseCaseTransitionsConnectionEdge>;
  pageInfo: PageInfo;
};

export type UseCaseTransitionsConnectionEdge = {
  __typename?: 'UseCaseTransitionsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: StateTransition;
};

/** An input value was refused; `field` names it (dotted path inside `input`). */
export type ValidationError = DomainError & {
  __typename?: 'ValidationError';
  code: Scalars['String']['output'];
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type Viewer = {
  __typename?: 'Viewer';
  /** The actor name written into activity entries. */
  name: Scalars['String']['output'];
  role: Scalars['String']['output'];
};

export type CreateUseCaseMutationVariables = Exact<{
  input: CreateUseCaseInput;
}>;


export type CreateUseCaseMutation = { __typename?: 'Mutation', createUseCase:
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'CreateUseCasePayload', useCase: { __typename?: 'UseCase', id: string, name: string, teamEmail: string, state: UseCaseState, version: number, allowedTransitions: Array<UseCaseState> } }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, field: string }
   };

export type UpdateUseCaseMutationVariables = Exact<{
  input: UpdateUseCaseInput;
}>;


export type UpdateUseCaseMutation = { __typename?: 'Mutation', updateUseCase:
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StaleVersionError', message: string, code: string, expectedVersion: number, currentVersion: number }
    | { __typename: 'UpdateUseCasePayload', useCase: { __typename?: 'UseCase', id: string, name: string, teamEmail: string, description?: string | null, version: number } }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type TransitionUseCaseMutationVariables = Exact<{
  input: TransitionUseCaseInput;
}>;


export type TransitionUseCaseMutation = { __typename?: 'Mutation', transitionUseCase:
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'InvalidTransitionError', message: string, code: string, from: string, to: string, allowed: Array<string>, detail?: string | null }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StaleVersionError', message: string, code: string, expectedVersion: number, currentVersion: number }
    | { __typename: 'TransitionUseCasePayload', useCase: { __typename?: 'UseCase', id: string, state: UseCaseState, version: number, allowedTransitions: Array<UseCaseState> }, transition: { __typename?: 'StateTransition', fromState: UseCaseState, toState: UseCaseState, notes?: string | null, actor: string } }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type RecordEvaluationResultsMutationVariables = Exact<{
  input: RecordEvaluationResultsInput;
}>;


export type RecordEvaluationResultsMutation = { __typename?: 'Mutation', recordEvaluationResults:
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RecordEvaluationResultsPayload', useCase: { __typename?: 'UseCase', id: string, version: number, evaluationResults?: { __typename?: 'EvaluationResults', summary: unknown, recordedAt: string } | null } }
    | { __typename: 'StaleVersionError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type UseCaseQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UseCaseQuery = { __typename?: 'Query', useCase?: { __typename?: 'UseCase', id: string, name: string, teamEmail: string, state: UseCaseState, version: number, createdAt: string, updatedAt: string, allowedTransitions: Array<UseCaseState>, transitions: { __typename?: 'UseCaseTransitionsConnection', edges: Array<{ __typename?: 'UseCaseTransitionsConnectionEdge', node: { __typename?: 'StateTransition', fromState: UseCaseState, toState: UseCaseState, notes?: string | null, actor: string, createdAt: string } }> }, activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', node: { __typename?: 'ActivityLogEntry', activityType: string, description: string, details: unknown, actor: string } }> } } | null };

export type UseCasesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UseCaseFilter>;
  orderBy?: InputMaybe<UseCaseOrder>;
}>;


export type UseCasesQuery = { __typename?: 'Query', useCases: { __typename?: 'QueryUseCasesConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'QueryUseCasesConnectionEdge', node: { __typename?: 'UseCase', id: string, name: string, state: UseCaseState, transitions: { __typename?: 'UseCaseTransitionsConnection', edges: Array<{ __typename?: 'UseCaseTransitionsConnectionEdge', node: { __typename?: 'StateTransition', fromState: UseCaseState, toState: UseCaseState } }> }, activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', node: { __typename?: 'ActivityLogEntry', activityType: string } }> } } }> } };

export type StateMachineQueryVariables = Exact<{ [key: string]: never; }>;


export type StateMachineQuery = { __typename?: 'Query', useCaseStateMachine: { __typename?: 'UseCaseStateMachine', states: Array<UseCaseState>, initialState: UseCaseState, terminalStates: Array<UseCaseState>, transitions: Array<{ __typename?: 'TransitionRule', from: UseCaseState, to: UseCaseState, guard?: string | null, description: string }> } };

export type ActivityQueryVariables = Exact<{
  filter?: InputMaybe<ActivityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ActivityQuery = { __typename?: 'Query', activity: { __typename?: 'ActivityConnection', pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'ActivityEdge', cursor: string, node: { __typename?: 'ActivityLogEntry', id: string, activityType: string, description: string, details: unknown, actor: string, subjectType: string, subject?:
          | { __typename?: 'ActivityLogEntry', id: string }
          | { __typename?: 'UseCase', id: string }
         | null } }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', name: string, role: string } | null };


export const CreateUseCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUseCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUseCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUseCasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"teamEmail"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CreateUseCaseMutation, CreateUseCaseMutationVariables>;
export const UpdateUseCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUseCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUseCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUseCasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"teamEmail"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StaleVersionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expectedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateUseCaseMutation, UpdateUseCaseMutationVariables>;
export const TransitionUseCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransitionUseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionUseCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transitionUseCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionUseCasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidTransitionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StaleVersionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expectedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]}}]} as unknown as DocumentNode<TransitionUseCaseMutation, TransitionUseCaseMutationVariables>;
export const RecordEvaluationResultsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordEvaluationResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordEvaluationResultsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordEvaluationResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordEvaluationResultsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationResults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RecordEvaluationResultsMutation, RecordEvaluationResultsMutationVariables>;
export const UseCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"teamEmail"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UseCaseQuery, UseCaseQueryVariables>;
export const UseCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UseCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UseCaseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UseCaseOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityType"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UseCasesQuery, UseCasesQueryVariables>;
export const StateMachineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StateMachine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCaseStateMachine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"states"}},{"kind":"Field","name":{"kind":"Name","value":"initialState"}},{"kind":"Field","name":{"kind":"Name","value":"terminalStates"}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"guard"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<StateMachineQuery, StateMachineQueryVariables>;
export const ActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Activity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActivityQuery, ActivityQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;