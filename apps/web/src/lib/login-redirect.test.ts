import { describe, expect, it } from 'vitest';
import { afterLoginPath, loginPath } from './login-redirect';

describe('login redirect', () => {
  it('keeps the way back, list state included', () => {
    expect(loginPath({ pathname: '/dids', search: '?search=%2B1312&page=2' })).toBe('/login?next=%2Fdids%3Fsearch%3D%252B1312%26page%3D2');
    expect(loginPath({ pathname: '/', search: '' })).toBe('/login');
    const next = new URL(`http://x${loginPath({ pathname: '/dids', search: '?search=%2B1312' })}`).searchParams.get('next');
    expect(afterLoginPath(next)).toBe('/dids?search=%2B1312');
  });

  it('follows only paths inside the app', () => {
    for (const outside of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '', null, '/login', '/login?next=/x']) {
      expect(afterLoginPath(outside)).toBe('/');
    }
    expect(afterLoginPath('/phones/10.20.0.11/1001')).toBe('/phones/10.20.0.11/1001');
  });
});
