import { Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { Forbidden } from '../components/Forbidden';
import { navEntryOf } from './navigation';

/** Every console page behind the permission its navigation entry names. */
export function RouteGuard() {
  const { can } = useAuth();
  const { pathname } = useLocation();
  const permission = navEntryOf(pathname)?.permission;
  if (permission && !can(permission)) return <Forbidden />;
  return <Outlet />;
}
