rule "aws-api-gateway-domain-tls" {
  title     = "API Gateway custom domain accepts TLS 1.0"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_api_gateway_domain_name"]
  aliases   = ["CKV_AWS_206", "AVD-AWS-0005", "aws-apigateway-use-secure-tls-policy"]

  description = <<-EOT
    The `TLS_1_0` security policy lets clients connect with TLS 1.0 and 1.1 and their weak cipher
    suites, which are open to downgrade and known cryptographic attacks on the traffic between
    clients and the API. TLS 1.2 or later (`TLS_1_2` or the newer `SecurityPolicy_*` policies) is
    what current clients use. The policy is the customer's choice under the shared responsibility
    model. High: it weakens the encryption of data in transit. When `security_policy` is not set,
    API Gateway picks the policy and Terraform does not track it, so the rule asks for an explicit
    TLS 1.2 or later policy.
  EOT
  remediation = "Set `security_policy = \"TLS_1_2\"` (or a newer `SecurityPolicy_TLS13_*` policy) on the `aws_api_gateway_domain_name`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_domain_name#security_policy",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html",
  ]

  assert {
    attribute "security_policy" {
      not_equals = "TLS_1_0"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_api_gateway_domain_name" "api" {
        domain_name              = "api.example.com"
        regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
        security_policy          = "TLS_1_0"  # expect: aws-api-gateway-domain-tls

        endpoint_configuration {
          types = ["REGIONAL"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_api_gateway_domain_name" "api" {
        domain_name              = "api.example.com"
        regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
        security_policy          = "TLS_1_2"

        endpoint_configuration {
          types = ["REGIONAL"]
        }
      }
    EOT
  }
}
