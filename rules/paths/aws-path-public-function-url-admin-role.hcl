path_rule "aws-path-public-function-url-admin-role" {
  title    = "Public Lambda function URL invokes a function with an administrator role"
  severity = "critical"
  search   = "public-function-url-admin-role"

  description = <<-EOT
    The function URL has `authorization_type = "NONE"`, so anyone on the internet can invoke the
    function, and the function's execution role allows every action on every resource. A bug in
    the function's input handling (injection, deserialisation, a dependency with a known flaw)
    hands its credentials, and with them the account, to an anonymous caller. The URL's
    authentication and the role's permissions are the customer's side of the shared responsibility
    model for a function. Critical: an internet entry combined with an administrator identity.
  EOT
  remediation = "Scope the execution role's policy to what the function needs (the cheapest single change when the URL must stay public); or set `authorization_type = \"AWS_IAM\"` on the function URL."
  references = [
    "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
    "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
  ]

  example "bad" {
    code = <<-EOT
      resource "aws_lambda_function_url" "api" { # expect: aws-path-public-function-url-admin-role
        function_name      = aws_lambda_function.api.function_name
        authorization_type = "NONE"
      }

      resource "aws_lambda_function" "api" {
        function_name = "api"
        role          = aws_iam_role.api.arn
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "api.zip"
      }

      resource "aws_iam_role" "api" {
        name               = "api"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
      }

      resource "aws_iam_role_policy" "api" {
        role   = aws_iam_role.api.id
        policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lambda_function_url" "api" {
        function_name      = aws_lambda_function.api.function_name
        authorization_type = "AWS_IAM"
      }

      resource "aws_lambda_function" "api" {
        function_name = "api"
        role          = aws_iam_role.api.arn
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "api.zip"
      }

      resource "aws_iam_role" "api" {
        name               = "api"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
      }

      resource "aws_iam_role_policy" "api" {
        role   = aws_iam_role.api.id
        policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
      }
    EOT
  }
}
