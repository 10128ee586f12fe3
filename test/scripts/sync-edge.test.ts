import { describe, expect, it } from 'vitest';
import { syncEdgeCode, templateEdgeCode } from '../../scripts/sync-edge';

const template = (block: string) =>
  [
    'Resources:',
    '  EdgeRewriteFunction:',
    '    Type: AWS::CloudFront::Function',
    '    Properties:',
    '      Name: edge',
    '      FunctionCode: |',
    ...block.split('\n'),
    '',
    '  Next:',
    '    Type: AWS::S3::Bucket # untouched',
    '',
  ].join('\n');

describe('npm run sync-edge copies edge/rewrite.js into template.yaml', () => {
  it.each([
    ['one final newline', 'function handler(event) {\n  return event.request;\n}\n'],
    ['no final newline', 'function handler(event) {\n\n  return event.request;\n}'],
    ['several final newlines', 'var a = 1;\n\n\n'],
    ['a first line that starts with spaces', '  var a = 1;\nfunction handler(e) { return e.request; }\n'],
    ['quotes, backslashes, # and YAML-looking text', "var re = /^\\/(a|b)\\/'x'$/; // key: value # not a comment\n- not a list\n"],
  ])('the copy reads back identical (%s), and the rest of the template is unchanged', (_name, code) => {
    const updated = syncEdgeCode(template('        old code\n        more old code'), code);
    expect(templateEdgeCode(updated)).toBe(code);
    expect(updated.split('\n').slice(0, 5)).toEqual(template('').split('\n').slice(0, 5));
    expect(updated.endsWith('\n  Next:\n    Type: AWS::S3::Bucket # untouched\n')).toBe(true);
  });

  it('running it twice changes nothing the second time', () => {
    const code = 'function handler(event) { return event.request; }\n';
    const once = syncEdgeCode(template('        old'), code);
    expect(syncEdgeCode(once, code)).toBe(once);
  });

  it('refuses a template without exactly one FunctionCode block, saying so', () => {
    expect(() => syncEdgeCode('Resources: {}\n', 'x\n')).toThrow(/exactly one "FunctionCode: \|" line \(found 0\)/);
    const twice = template('        a') + '      FunctionCode: |\n        b\n';
    expect(() => syncEdgeCode(twice, 'x\n')).toThrow(/found 2/);
  });
});
