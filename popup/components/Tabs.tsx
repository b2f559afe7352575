import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<K extends string> {
  id: K;
  label: string;
}

/**
 * WAI-ARIA tabs: one tab stop for the whole list (roving tabindex), arrows/Home/End move and
 * select, the panel is labelled by its tab.
 */
export function Tabs<K extends string>(props: {
  tabs: TabDef<K>[];
  current: K;
  onSelect: (id: K) => void;
  label: string;
  children: ComponentChildren;
}) {
  const list = useRef<HTMLDivElement>(null);
  const { tabs, current, onSelect } = props;
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((tab) => tab.id === current);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].id);
    list.current?.querySelector<HTMLElement>(`#tab-${tabs[next].id}`)?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={props.label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            key={tab.id}
            aria-selected={tab.id === current}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div class="panel" role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`}>
        {props.children}
      </div>
    </>
  );
}
