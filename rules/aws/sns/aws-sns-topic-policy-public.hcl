rule "aws-sns-topic-policy-public" {
  title     = "SNS topic policy allows any principal"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_sns_topic_policy", "aws_sns_topic"]
  aliases   = ["CKV_AWS_169"]

  description = <<-EOT
    A topic policy statement that allows `Principal: "*"` without a narrowing condition lets
    any AWS account publish to the topic or subscribe to it, depending on the actions: an attacker
    can send forged notifications to every subscriber, or subscribe an endpoint of their own and
    receive every message. Who may use a topic is the customer's configuration under the shared
    responsibility model. This rule checks `aws_sns_topic_policy` and the inline `policy` of
    `aws_sns_topic`; statements restricted by a condition such as `aws:SourceArn` or
    `aws:SourceOwner` are not reported.
  EOT
  remediation = "Replace the wildcard principal with the accounts, roles or service principals that use the topic, or add a condition (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`) that restricts it."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic_policy",
    "https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sns_topic" "orders" {
        name = "orders"
      }

      resource "aws_sns_topic_policy" "orders" {
        arn = aws_sns_topic.orders.arn
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = "*"  # expect: aws-sns-topic-policy-public
            Action    = ["sns:Publish", "sns:Subscribe"]
            Resource  = aws_sns_topic.orders.arn
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sns_topic" "orders" {
        name = "orders"
      }

      resource "aws_sns_topic_policy" "orders" {
        arn = aws_sns_topic.orders.arn
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "arn:aws:iam::123456789012:role/order-service" }
            Action    = "sns:Publish"
            Resource  = aws_sns_topic.orders.arn
          }]
        })
      }
    EOT
  }
}
