rule "aws-api-gateway-method-no-auth" {
  title     = "API Gateway method can be called without any authorization"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_api_gateway_method"]
  aliases   = ["CKV_AWS_59", "AVD-AWS-0004", "aws-apigateway-no-public-access"]

  description = <<-EOT
    A REST API method with `authorization = "NONE"` and no API key requirement runs its
    integration (a Lambda function, a backend service, an AWS API) for any anonymous caller on the
    internet. Unless the method is meant to be public, that exposes the data and actions behind it
    to anyone who finds the URL. Choosing an authorizer (IAM, Cognito, a Lambda authorizer) is the
    customer's side of the shared responsibility model. High: unauthenticated access to the
    backend. `OPTIONS` methods, which answer CORS preflight requests, are exempt; a method with
    `api_key_required = true` is accepted (API keys identify clients, they are not strong
    authentication, but they do gate access).
  EOT
  remediation = "Set `authorization` to `AWS_IAM`, `COGNITO_USER_POOLS` or `CUSTOM` (with `authorizer_id`), or require an API key with `api_key_required = true`; suppress the finding for methods that are deliberately public."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method#authorization",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html",
  ]

  when {
    attribute "http_method" {
      not_one_of = ["OPTIONS", "OPTION"]
    }
  }

  assert {
    any {
      attribute "authorization" {
        not_equals = "NONE"
      }
      attribute "api_key_required" {
        equals  = true
        default = false
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_api_gateway_method" "get_orders" {
        rest_api_id   = "a1b2c3d4e5"
        resource_id   = "abc123"
        http_method   = "GET"
        authorization = "NONE"  # expect: aws-api-gateway-method-no-auth
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_api_gateway_method" "get_orders" {
        rest_api_id   = "a1b2c3d4e5"
        resource_id   = "abc123"
        http_method   = "GET"
        authorization = "AWS_IAM"
      }

      resource "aws_api_gateway_method" "preflight" {
        rest_api_id   = "a1b2c3d4e5"
        resource_id   = "abc123"
        http_method   = "OPTIONS"
        authorization = "NONE"
      }

      resource "aws_api_gateway_method" "partner" {
        rest_api_id      = "a1b2c3d4e5"
        resource_id      = "abc123"
        http_method      = "POST"
        authorization    = "NONE"
        api_key_required = true
      }
    EOT
  }
}
