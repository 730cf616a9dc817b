rule "aws-lambda-permission-unrestricted" {
  title     = "Lambda permission lets any caller, or any resource of a service, invoke the function"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_lambda_permission"]
  aliases   = ["CKV_AWS_364", "AVD-AWS-0067", "aws-lambda-restrict-source-arn"]

  description = <<-EOT
    An `aws_lambda_permission` adds a statement to the function's resource policy. With
    `principal = "*"`, any AWS account can invoke the function; with a service principal such as
    `sns.amazonaws.com` or `s3.amazonaws.com` and no `source_arn`, any topic, bucket or API of that
    service in any account can, which lets an attacker feed the function events of their choosing
    (the confused-deputy problem). Resource policies are the customer's access control under the
    shared responsibility model. High: it opens the function to callers outside the account. A
    permission restricted with `source_arn`, `source_account` or `principal_org_id` is accepted.
  EOT
  remediation = "Set `source_arn` to the ARN of the topic, bucket, rule or API that should invoke the function (and `source_account` for S3), or name a specific account as `principal`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_permission",
    "https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html",
  ]

  when {
    attribute "principal" {
      matches = "^\\*$|\\.amazonaws\\.com$"
    }
  }

  assert {
    any {
      attribute "source_arn" {
        present = true
      }
      attribute "source_account" {
        present = true
      }
      attribute "principal_org_id" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lambda_permission" "sns" {  # expect: aws-lambda-permission-unrestricted
        statement_id  = "AllowSNS"
        action        = "lambda:InvokeFunction"
        function_name = "notify"
        principal     = "sns.amazonaws.com"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lambda_permission" "anyone" {  # expect: aws-lambda-permission-unrestricted
        statement_id  = "AllowAnyone"
        action        = "lambda:InvokeFunction"
        function_name = "notify"
        principal     = "*"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sns_topic" "events" {
        name = "events"
      }

      resource "aws_lambda_permission" "sns" {
        statement_id  = "AllowSNS"
        action        = "lambda:InvokeFunction"
        function_name = "notify"
        principal     = "sns.amazonaws.com"
        source_arn    = aws_sns_topic.events.arn
      }

      resource "aws_lambda_permission" "partner" {
        statement_id  = "AllowPartner"
        action        = "lambda:InvokeFunction"
        function_name = "notify"
        principal     = "111122223333"
      }
    EOT
  }
}
