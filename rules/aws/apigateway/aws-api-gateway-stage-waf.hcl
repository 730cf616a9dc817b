rule "aws-api-gateway-stage-waf" {
  title     = "API Gateway REST API stage has no WAF web ACL"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_api_gateway_stage"]
  aliases   = ["CKV2_AWS_29"]

  description = <<-EOT
    A REST API stage without AWS WAF passes injection payloads, exploit attempts, bad bots and
    request floods straight to its integrations. A web ACL associated with the stage filters them
    before any backend runs. Deploying it is the customer's application layer under the shared
    responsibility model. Medium: a protective layer, not an exposure by itself. The rule looks for
    an `aws_wafv2_web_acl_association` whose `resource_arn` refers to the stage (its `arn`).
  EOT
  remediation = "Create a regional `aws_wafv2_web_acl` and an `aws_wafv2_web_acl_association` with `resource_arn = aws_api_gateway_stage.NAME.arn`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_association",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html",
  ]

  assert {
    linked "aws_wafv2_web_acl_association" {
      via = "resource_arn"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_api_gateway_stage" "prod" {  # expect: aws-api-gateway-stage-waf
        rest_api_id   = "a1b2c3d4e5"
        deployment_id = "dep123"
        stage_name    = "prod"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_api_gateway_stage" "prod" {
        rest_api_id   = "a1b2c3d4e5"
        deployment_id = "dep123"
        stage_name    = "prod"
      }

      resource "aws_wafv2_web_acl_association" "prod" {
        resource_arn = aws_api_gateway_stage.prod.arn
        web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/00000000-0000-0000-0000-000000000000"
      }
    EOT
  }
}
