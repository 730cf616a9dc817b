rule "aws-eventbridge-bus-policy-public" {
  title     = "EventBridge event bus policy lets any account put events"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_cloudwatch_event_bus_policy"]

  description = <<-EOT
    Rules on an event bus start Lambda functions, Step Functions workflows, ECS tasks and API
    calls when matching events arrive. A bus policy allowing `Principal: "*"` (or `{"AWS": "*"}`)
    without a condition narrowing the callers lets any AWS account call `events:PutEvents` on it
    and feed forged events to those targets: fake "order paid" events, replayed deployments,
    floods that run up cost. Statements limited by a condition such as `aws:PrincipalOrgID` are
    not reported. Who may publish to the bus is the customer's configuration under the shared
    responsibility model. Medium: it lets outsiders drive workloads rather than read data.
  EOT
  remediation = <<-EOT
    Allow only the organization (or named accounts) to put events:

        resource "aws_cloudwatch_event_bus_policy" "orders" {
          event_bus_name = aws_cloudwatch_event_bus.orders.name
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Sid       = "OrgAccounts"
              Effect    = "Allow"
              Principal = "*"
              Action    = "events:PutEvents"
              Resource  = aws_cloudwatch_event_bus.orders.arn
              Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abcdef1234" } }
            }]
          })
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_event_bus_policy",
    "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudwatch_event_bus" "orders" {
        name = "orders"
      }
      resource "aws_cloudwatch_event_bus_policy" "orders" {
        event_bus_name = aws_cloudwatch_event_bus.orders.name
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Sid       = "Anyone"
            Effect    = "Allow"
            Principal = "*"  # expect: aws-eventbridge-bus-policy-public
            Action    = "events:PutEvents"
            Resource  = "arn:aws:events:eu-west-1:123456789012:event-bus/orders"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudwatch_event_bus" "orders" {
        name = "orders"
      }
      resource "aws_cloudwatch_event_bus_policy" "orders" {
        event_bus_name = aws_cloudwatch_event_bus.orders.name
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Sid       = "OrgAccounts"
            Effect    = "Allow"
            Principal = "*"
            Action    = "events:PutEvents"
            Resource  = "arn:aws:events:eu-west-1:123456789012:event-bus/orders"
            Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abcdef1234" } }
          }]
        })
      }
    EOT
  }
}
