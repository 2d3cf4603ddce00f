import { describe, expect, it } from 'vitest';
import { formFieldFor } from './form-fields';

describe('the data source form fields', () => {
  it('place a violation on the field its path names', () => {
    expect(formFieldFor(['standby', 'port'])).toEqual(['standby', 'port']);
    expect(formFieldFor(['remarks'])).toEqual(['remarks']);
  });

  it('place a violation about the whole standby on the attribute that asks for it', () => {
    expect(formFieldFor(['standby'])).toEqual(['attribute']);
  });

  it('leave a violation without a field of its own to the form', () => {
    expect(formFieldFor(['version'])).toBeUndefined();
  });
});
