/**
 * The named profiles docs-to-sdk knows. `authing-v3` is the default: its values are the
 * conventions the parser used to hard-code, so output for Authing docs is unchanged.
 */
import type { ApiProfile } from '../ir/types.js';

export const AUTHING_V3: ApiProfile = {
  name: 'authing-v3',
  pathTemplate: '/api/v3/{slug}',
  verbs: {
    rules: [
      { style: 'query', method: 'GET' },
      { style: 'none', slugPrefixes: ['get-', 'list-'], method: 'GET' },
    ],
    otherwise: 'POST',
  },
  requestTypeName: '{Method}Dto',
  responseTypeName: '{Method}RespDto',
  clients: [
    { id: 'management', className: 'ManagementClient', auth: 'access-key' },
    { id: 'authentication', className: 'AuthenticationClient', auth: 'app-id' },
  ],
  sdk: {
    packageName: 'docs-to-sdk-client',
    version: '0.1.0',
    defaultHost: 'https://api.authing.cn',
    defaultTimeout: 10_000,
  },
};

export const DEFAULT_PROFILE = AUTHING_V3.name;

/** By name. Frozen copies are handed out by resolveProfile, never these objects. */
export const PROFILES: Readonly<Record<string, ApiProfile>> = { [AUTHING_V3.name]: AUTHING_V3 };
