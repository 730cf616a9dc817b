rule "aws-api-gateway-cache-encryption" {
  title     = "API Gateway response cache is not encrypted"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_api_gateway_method_settings"]
  aliases   = ["CKV_AWS_308", "AVD-AWS-0002", "aws-apigateway-enable-cache-encryption"]

  description = <<-EOT
    When caching is on, API Gateway stores integration responses, which often hold customer data,
    in the stage's cache cluster. `settings.cache_data_encrypted` defaults to `false`, leaving
    those responses unencrypted at rest. Encryption of the cache is the customer's setting under
    the shared responsibility model. Medium: the cache is managed by AWS and not directly
    reachable, so this is defence in depth for the data it holds. Settings without
    `caching_enabled = true` are out of scope.
  EOT
  remediation = "Set `cache_data_encrypted = true` in the `settings` block wherever `caching_enabled = true`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings#cache_data_encrypted",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html",
  ]

  when {
    attribute "settings.caching_enabled" {
      equals = true
    }
  }

  assert {
    attribute "settings.cache_data_encrypted" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_api_gateway_method_settings" "all" {
        rest_api_id = "a1b2c3d4e5"
        stage_name  = "prod"
        method_path = "*/*"

        settings {  # expect: aws-api-gateway-cache-encryption
          caching_enabled      = true
          cache_ttl_in_seconds = 300
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_api_gateway_method_settings" "all" {
        rest_api_id = "a1b2c3d4e5"
        stage_name  = "prod"
        method_path = "*/*"

        settings {
          caching_enabled      = true
          cache_data_encrypted = true
        }
      }

      resource "aws_api_gateway_method_settings" "logs" {
        rest_api_id = "a1b2c3d4e5"
        stage_name  = "prod"
        method_path = "*/*"

        settings {
          logging_level = "INFO"
        }
      }
    EOT
  }
}
