import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from '../../scripts/cfn-yaml';

describe('reading CloudFormation YAML with short-form intrinsic functions', () => {
  it.each([
    ['!Ref Stage', { Ref: 'Stage' }],
    ["!Sub '${Stage}/data'", { 'Fn::Sub': '${Stage}/data' }],
    ["!Sub ['${A}-x', { A: !Ref B }]", { 'Fn::Sub': ['${A}-x', { A: { Ref: 'B' } }] }],
    ['!GetAtt Bucket.Arn', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ['!GetAtt Edge.FunctionMetadata.FunctionARN', { 'Fn::GetAtt': ['Edge', 'FunctionMetadata.FunctionARN'] }],
    ['!GetAtt [Bucket, Arn]', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ["!Join ['', [a, !Ref B]]", { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }],
    ['!If [C, !Ref A, !Ref AWS::NoValue]', { 'Fn::If': ['C', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] }],
    ["!Not [!Equals [!Ref P, '']]", { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'P' }, ''] }] }],
    ["!Select [1, !Split ['@', !Ref M]]", { 'Fn::Select': [1, { 'Fn::Split': ['@', { Ref: 'M' }] }] }],
    ['!FindInMap [Map, Key, Value]', { 'Fn::FindInMap': ['Map', 'Key', 'Value'] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!ImportValue shared-bucket', { 'Fn::ImportValue': 'shared-bucket' }],
    ['!Base64 { a: 1 }', { 'Fn::Base64': { a: 1 } }],
    ["!Cidr ['10.0.0.0/16', 4, 8]", { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ["!GetAZs ''", { 'Fn::GetAZs': '' }],
  ])('%s', (yaml, expected) => {
    expect(parseCfnYaml(`Value: ${yaml}\n`)).toEqual({ Value: expected });
  });

  it('an unknown tag is an error naming it, not a silently kept string', () => {
    expect(() => parseCfnYaml('Value: !Reff Stage\n')).toThrow(/!Reff/);
  });

  it('a duplicated key is an error (CloudFormation would keep only one)', () => {
    expect(() => parseCfnYaml('A: 1\nA: 2\n')).toThrow(/unique|duplicate/i);
  });
});
