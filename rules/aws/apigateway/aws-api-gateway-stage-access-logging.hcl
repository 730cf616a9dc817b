rule "aws-api-gateway-stage-access-logging" {
  title     = "API Gateway stage does not write access logs"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_api_gateway_stage", "aws_apigatewayv2_stage"]
  aliases   = ["CKV_AWS_76", "AVD-AWS-0001", "aws-apigateway-enable-access-logging"]

  description = <<-EOT
    Access logs record who called the API: caller IP, identity, request path, status and latency
    of every request. Without them there is no trace of credential stuffing, scraping or abuse of
    a stolen API key, and no way to tell afterwards which requests reached the backend. API
    Gateway runs the endpoint, but turning on logging for your stages is the customer's
    configuration under the shared responsibility model. Access logging is off unless an
    `access_log_settings` block names a destination. This rule covers REST API stages
    (`aws_api_gateway_stage`) and HTTP/WebSocket API stages (`aws_apigatewayv2_stage`).
  EOT
  remediation = "Add `access_log_settings { destination_arn = aws_cloudwatch_log_group.api.arn, format = jsonencode({...}) }` to the stage (for REST APIs the account also needs `aws_api_gateway_account` with a CloudWatch role)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/apigatewayv2_stage",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
  ]

  assert {
    attribute "access_log_settings.destination_arn" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_api_gateway_stage" "prod" {  # expect: aws-api-gateway-stage-access-logging
        stage_name    = "prod"
        rest_api_id   = "a1b2c3d4e5"
        deployment_id = "abc123"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudwatch_log_group" "api" {
        name              = "/aws/apigateway/orders"
        retention_in_days = 365
      }

      resource "aws_apigatewayv2_stage" "prod" {
        api_id      = "a1b2c3d4e5"
        name        = "prod"
        auto_deploy = true

        access_log_settings {
          destination_arn = aws_cloudwatch_log_group.api.arn
          format = jsonencode({
            requestId = "$context.requestId"
            ip        = "$context.identity.sourceIp"
            route     = "$context.routeKey"
            status    = "$context.status"
          })
        }
      }
    EOT
  }
}
