import { expect, test } from 'vitest';
import { MASK, powerFormFields } from '../../../src-shared/inventory/power-secrets';

const server = { type: 'ipmi', parameters: { power_address: '10.0.0.1', power_user: 'maas', power_pass: 'old', power_driver: 'LAN_2_0' } };

test('a MASK is the recorded secret, else the server\'s own; unnamed parameters are sent again when the type stays', () => {
  expect(powerFormFields({ type: 'ipmi', parameters: { power_address: '10.0.0.2', power_pass: MASK } }, server)).toEqual({
    power_type: 'ipmi', power_parameters_power_address: '10.0.0.2', power_parameters_power_pass: 'old',
    power_parameters_power_user: 'maas', power_parameters_power_driver: 'LAN_2_0' });
  expect(powerFormFields({ type: 'ipmi', parameters: { power_pass: MASK } }, server, { power_pass: 'new' }).power_parameters_power_pass).toBe('new');
});

test('a new power type sends only its own parameters; a MASK with no value anywhere is left out', () => {
  expect(powerFormFields({ type: 'amt', parameters: { power_address: '10.0.0.3', power_pass: MASK, power_key: MASK } }, server))
    .toEqual({ power_type: 'amt', power_parameters_power_address: '10.0.0.3', power_parameters_power_pass: 'old' });
  expect(powerFormFields({ type: 'ipmi', parameters: { power_pass: MASK } }, { type: 'ipmi', parameters: null })).toEqual({ power_type: 'ipmi' });
});
