path_rule "aws-path-public-api-route-admin-role" {
  title    = "HTTP API route without authorization invokes a function with an administrator role"
  severity = "critical"
  search   = "public-api-route-admin-role"

  description = <<-EOT
    The API Gateway HTTP API route has no authorizer (`authorization_type = "NONE"`, Terraform's
    default), so anyone on the internet can call it, and the Lambda function it is integrated with
    runs as an execution role whose policy allows every action on every resource. A flaw in the
    function's input handling gives an anonymous caller credentials for the whole account. The
    route's authorization and the role's permissions are the customer's side of the shared
    responsibility model. Critical: an internet entry combined with an administrator identity.
  EOT
  remediation = "Scope the execution role's policy to what the function needs (the cheapest single change when the route must stay public); or give the route an authorizer (`authorization_type = \"JWT\"`, `\"AWS_IAM\"` or `\"CUSTOM\"`)."
  references = [
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html",
    "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
  ]

  example "bad" {
    code = <<-EOT
      resource "aws_apigatewayv2_api" "orders" {
        name          = "orders"
        protocol_type = "HTTP"
      }

      resource "aws_apigatewayv2_route" "list" { # expect: aws-path-public-api-route-admin-role
        api_id    = aws_apigatewayv2_api.orders.id
        route_key = "GET /orders"
        target    = "integrations/$${aws_apigatewayv2_integration.orders.id}"
      }

      resource "aws_apigatewayv2_integration" "orders" {
        api_id                 = aws_apigatewayv2_api.orders.id
        integration_type       = "AWS_PROXY"
        integration_uri        = aws_lambda_function.orders.invoke_arn
        payload_format_version = "2.0"
      }

      resource "aws_lambda_function" "orders" {
        function_name = "orders"
        role          = aws_iam_role.orders.arn
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "orders.zip"
      }

      resource "aws_iam_role" "orders" {
        name               = "orders"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
      }

      resource "aws_iam_role_policy_attachment" "orders" {
        role       = aws_iam_role.orders.name
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_apigatewayv2_api" "orders" {
        name          = "orders"
        protocol_type = "HTTP"
      }

      resource "aws_apigatewayv2_route" "list" {
        api_id             = aws_apigatewayv2_api.orders.id
        route_key          = "GET /orders"
        target             = "integrations/$${aws_apigatewayv2_integration.orders.id}"
        authorization_type = "AWS_IAM"
      }

      resource "aws_apigatewayv2_integration" "orders" {
        api_id                 = aws_apigatewayv2_api.orders.id
        integration_type       = "AWS_PROXY"
        integration_uri        = aws_lambda_function.orders.invoke_arn
        payload_format_version = "2.0"
      }

      resource "aws_lambda_function" "orders" {
        function_name = "orders"
        role          = aws_iam_role.orders.arn
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "orders.zip"
      }

      resource "aws_iam_role" "orders" {
        name               = "orders"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
      }

      resource "aws_iam_role_policy_attachment" "orders" {
        role       = aws_iam_role.orders.name
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
    EOT
  }
}
