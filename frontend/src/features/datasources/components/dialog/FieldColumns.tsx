import { Col, Row } from 'antd';
import { Children, type ReactNode } from 'react';

interface Props {
  /** Each column's share of the 24-column grid on wider screens; on phones each takes the row. */
  spans: readonly number[];
  children: ReactNode;
}

/** Form fields side by side on wider screens, one above the other on phones. */
export function FieldColumns({ spans, children }: Props) {
  return (
    <Row gutter={16}>
      {Children.toArray(children).map((child, index) => (
        <Col key={index} xs={24} sm={spans[index]}>
          {child}
        </Col>
      ))}
    </Row>
  );
}
