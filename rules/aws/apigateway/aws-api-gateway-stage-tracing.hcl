rule "aws-api-gateway-stage-tracing" {
  title     = "API Gateway stage does not have X-Ray tracing enabled"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_api_gateway_stage"]
  aliases   = ["CKV_AWS_73", "AVD-AWS-0003", "aws-apigateway-enable-tracing"]

  description = <<-EOT
    X-Ray tracing follows each request from the API through its integrations, showing latency,
    errors and which backends were called. It helps investigate abuse of an API and reconstruct the
    path of a malicious request. `xray_tracing_enabled` defaults to `false`; monitoring is the
    customer's side of the shared responsibility model. Low: observability.
  EOT
  remediation = "Set `xray_tracing_enabled = true` on the `aws_api_gateway_stage`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage#xray_tracing_enabled",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html",
  ]

  assert {
    attribute "xray_tracing_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_api_gateway_stage" "prod" {  # expect: aws-api-gateway-stage-tracing
        rest_api_id   = "a1b2c3d4e5"
        deployment_id = "dep123"
        stage_name    = "prod"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_api_gateway_stage" "prod" {
        rest_api_id          = "a1b2c3d4e5"
        deployment_id        = "dep123"
        stage_name           = "prod"
        xray_tracing_enabled = true
      }
    EOT
  }
}
