import { Link } from 'react-router-dom';
import { CloudMark } from '../components/CloudMark';

export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <Link to="/contacts" className="brand" data-testid="brand">
      <CloudMark />
      {!compact && <span className="brand-name">Cirrus CRM</span>}
    </Link>
  );
}
