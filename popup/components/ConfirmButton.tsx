import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A destructive button that asks once more in place. window.confirm() is unreliable in extension
 * popups (Firefox closes the popup when the dialog takes focus), so the button itself asks.
 */
export function ConfirmButton(props: {
  label: string;
  confirmLabel: string;
  ariaLabel?: string;
  onConfirm: () => void;
  class?: string;
  testid?: string;
}) {
  const [asking, setAsking] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) ref.current?.focus();
  }, [asking]);
  return (
    <button
      ref={ref}
      type="button"
      class={`${props.class ?? ''} ${asking ? 'danger' : ''}`}
      aria-label={asking ? props.confirmLabel : (props.ariaLabel ?? props.label)}
      data-testid={props.testid}
      onClick={() => {
        if (!asking) return setAsking(true);
        setAsking(false);
        props.onConfirm();
      }}
      onBlur={() => setAsking(false)}
    >
      {asking ? props.confirmLabel : props.label}
    </button>
  );
}
