rule "aws-lambda-function-url-no-auth" {
  title     = "Lambda function URL can be invoked without authentication"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_lambda_function_url"]
  aliases   = ["CKV_AWS_258"]

  description = <<-EOT
    A function URL with `authorization_type = "NONE"` is a public HTTPS endpoint: anyone who finds
    the URL can invoke the function, run up its cost and reach whatever data and permissions its
    execution role has. Functions that must be public (webhooks, for example) then have to
    authenticate every request in their own code. With `AWS_IAM` only callers with
    `lambda:InvokeFunctionUrl` permission and SigV4-signed requests get through. The code and who
    may call it are the customer's responsibility under the shared responsibility model.
    `authorization_type` is required and has no default.
  EOT
  remediation = "Set `authorization_type = \"AWS_IAM\"` and grant `lambda:InvokeFunctionUrl` to the callers, or put the function behind API Gateway with an authorizer; if the URL must stay public, verify a signature or token in the function and suppress this finding."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function_url",
    "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
  ]

  assert {
    attribute "authorization_type" {
      equals = "AWS_IAM"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lambda_function_url" "hook" {
        function_name      = "webhook"
        authorization_type = "NONE"  # expect: aws-lambda-function-url-no-auth
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lambda_function_url" "internal" {
        function_name      = "reports"
        authorization_type = "AWS_IAM"
      }
    EOT
  }
}
