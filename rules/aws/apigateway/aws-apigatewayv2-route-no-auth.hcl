rule "aws-apigatewayv2-route-no-auth" {
  title     = "API Gateway HTTP API route can be called without authorization"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_apigatewayv2_route"]

  description = <<-EOT
    An HTTP API route with `authorization_type = "NONE"`, the default, passes every request from
    the internet to its integration: a Lambda function, a private service through a VPC link or
    an HTTP backend. Unless the backend authenticates every request itself, anyone who finds the
    URL can call it. `JWT`, `AWS_IAM` and `CUSTOM` (a Lambda authorizer) make API Gateway check
    the caller first. The rule applies to routes whose key starts with an HTTP method (`GET /x`,
    `ANY /{proxy+}`), which only HTTP APIs have; `OPTIONS` routes (CORS preflight, which must not
    require credentials), `$default` and WebSocket routes are not checked. Access control of the
    API is the customer's side of the shared responsibility model. High: a backend reachable by
    anyone. Routes that are public by design may have this finding suppressed with the reason.
  EOT
  remediation = <<-EOT
    Attach an authorizer to the route:

        resource "aws_apigatewayv2_route" "orders" {
          api_id             = aws_apigatewayv2_api.http.id
          route_key          = "GET /orders"
          target             = "integrations/$${aws_apigatewayv2_integration.orders.id}"
          authorization_type = "JWT"
          authorizer_id      = aws_apigatewayv2_authorizer.cognito.id
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/apigatewayv2_route#authorization_type",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html",
  ]

  when {
    attribute "route_key" {
      matches = "^(ANY|GET|POST|PUT|PATCH|DELETE|HEAD) "
    }
  }

  assert {
    attribute "authorization_type" {
      not_equals = "NONE"
      default    = "NONE"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_apigatewayv2_api" "http" {
        name          = "orders"
        protocol_type = "HTTP"
      }
      resource "aws_apigatewayv2_route" "orders" {  # expect: aws-apigatewayv2-route-no-auth
        api_id    = aws_apigatewayv2_api.http.id
        route_key = "GET /orders"
      }
      resource "aws_apigatewayv2_route" "proxy" {
        api_id             = aws_apigatewayv2_api.http.id
        route_key          = "ANY /{proxy+}"
        authorization_type = "NONE"  # expect: aws-apigatewayv2-route-no-auth
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_apigatewayv2_api" "http" {
        name          = "orders"
        protocol_type = "HTTP"
      }
      resource "aws_apigatewayv2_authorizer" "cognito" {
        api_id           = aws_apigatewayv2_api.http.id
        authorizer_type  = "JWT"
        identity_sources = ["$request.header.Authorization"]
        name             = "cognito"
        jwt_configuration {
          audience = ["orders-client"]
          issuer   = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
        }
      }
      resource "aws_apigatewayv2_route" "orders" {
        api_id             = aws_apigatewayv2_api.http.id
        route_key          = "GET /orders"
        authorization_type = "JWT"
        authorizer_id      = aws_apigatewayv2_authorizer.cognito.id
      }
      resource "aws_apigatewayv2_route" "preflight" {
        api_id    = aws_apigatewayv2_api.http.id
        route_key = "OPTIONS /orders"
      }
      resource "aws_apigatewayv2_api" "ws" {
        name                       = "chat"
        protocol_type              = "WEBSOCKET"
        route_selection_expression = "$request.body.action"
      }
      resource "aws_apigatewayv2_route" "ws_default" {
        api_id    = aws_apigatewayv2_api.ws.id
        route_key = "$default"
      }
    EOT
  }
}
